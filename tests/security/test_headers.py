"""What every answer tells the browser: run only our scripts, never in a frame, never sniff types."""

from __future__ import annotations

import pytest

from tests.config.test_settings import STRONG_KEY, run_settings

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {parts[0]: parts[1:] for parts in directives if parts}


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/compte/login/", "/fr/admin/login/", "/fr/panier/"])
def test_every_page_carries_a_strict_content_security_policy(client, path):
    response = client.get(path)
    found = policy(response)
    assert found["script-src"] == ["'self'"]
    assert "'unsafe-eval'" not in found["script-src"]
    assert found["frame-ancestors"] == ["'none'"]
    assert found["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_shop_pages_have_no_inline_script_to_block(client):
    # JSON-LD and json_script blocks are data, not code: the policy lets them be.
    from tests.security.test_community_text_is_escaped import dangers

    for path in ("/fr/", "/fr/panier/", "/fr/journal/", "/fr/compte/login/"):
        assert dangers(client.get(path).content.decode()) == [], path


def test_production_sends_hsts_and_secure_cookies():
    result = run_settings(
        {"COMPTOIR_ENV": "production", "SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "shop.example"},
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE,"
        " settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SAMESITE)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "True", "Lax", "True", "Lax"]


@pytest.mark.parametrize(
    "key",
    [
        "short",
        "a" * 40,  # 40 identical letters
        "abab" * 15,  # two letters
        "django-insecure-" + "x7#kq!m2@v9$wp4&zr8^tn6*yb3(hs5)jd1",  # django-admin startproject's
        "comptoir-demo-secret-key-never-use-in-production",
    ],
)
def test_production_refuses_a_weak_secret_key(key):
    result = run_settings({"COMPTOIR_ENV": "production", "SECRET_KEY": key, "ALLOWED_HOSTS": "shop.example"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)


@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/compte/login/", "/fr/admin/login/", "/fr/panier/", "/sitemap.xml"]
)
def test_every_page_refuses_camera_microphone_location_and_payment_requests(client, path):
    first, second = client.get(path), client.get(path)  # the second may come from the page cache
    assert first["Permissions-Policy"] == PERMISSIONS_POLICY
    assert second["Permissions-Policy"] == PERMISSIONS_POLICY


def test_pages_with_personal_data_are_never_kept_by_a_proxy_or_the_back_button(client):
    from comptoir.orders.models import OrderStatus
    from tests.factories import UserFactory
    from tests.factories.payments import OrderFactory

    owner = UserFactory(is_staff=True, is_superuser=True)
    order = OrderFactory(customer=owner, email=owner.email, status=OrderStatus.PAID)
    client.force_login(owner)
    for path in (
        "/fr/compte/",
        "/fr/compte/commandes/",
        f"/fr/compte/commandes/{order.number}/",
        "/fr/atelier/",
        "/fr/admin/",
        "/fr/",  # her name in the header
    ):
        response = client.get(path)
        assert response.status_code in (200, 302), path  # /fr/compte/ sends her to her orders
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, path
        assert "public" not in directives, path


def test_anonymous_pages_keep_their_own_caching(client):
    assert "no-store" not in client.get("/fr/").get("Cache-Control", "")
