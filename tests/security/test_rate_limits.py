"""Forms anyone can post are limited: a script cannot guess passwords, flood mailboxes or fill an evening."""

from __future__ import annotations

import pytest

from comptoir.community.models import Registration
from comptoir.resellers.models import ResellerApplication
from tests.factories import UserFactory
from tests.factories.community import EventFactory
from tests.reseller_portal.test_portal_apply import GOOD

pytestmark = pytest.mark.django_db

LOGIN = "/fr/compte/login/"


@pytest.fixture
def camille():
    return UserFactory(email="camille@example.com", password="the-right-password-42")


def sign_in(client, password: str, ip: str = "203.0.113.7"):
    return client.post(LOGIN, {"login": "camille@example.com", "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_address_out_even_with_the_right_one(client, camille):
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200
    assert sign_in(client, "guess").status_code == 429
    assert "Trop de tentatives" in sign_in(client, "guess").content.decode()
    # The right password now: refused all the same (allauth's own limit answers first, then axes').
    assert sign_in(client, "the-right-password-42").status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_for_that_account_and_that_address_only(client, camille):
    # (allauth also refuses that address from any IP for 5 minutes: its own "login_failed" limit.)
    for _ in range(5):
        sign_in(client, "guess")
    other = UserFactory(email="dominique@example.com", password="another-right-password")
    response = client.post(
        LOGIN,
        {"login": "dominique@example.com", "password": "another-right-password"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_five_wrong_passwords_from_five_addresses_lock_the_account(client, camille):
    for n in range(5):
        sign_in(client, "guess", ip=f"198.51.100.{n}")
    # allauth's own per-address limit may answer first (200, its message), axes' lockout then (429).
    assert sign_in(client, "the-right-password-42", ip="192.0.2.99").status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    admin = client.post(
        "/fr/admin/login/",
        {"username": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR="192.0.2.98",
    )
    assert admin.status_code == 429
    assert "_auth_user_id" not in client.session


def test_five_wrong_admin_passwords_from_five_addresses_lock_the_account(client, camille):
    for n in range(5):
        client.post(
            "/fr/admin/login/",
            {"username": "camille@example.com", "password": "guess"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
    response = client.post(
        "/fr/admin/login/",
        {"username": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR="192.0.2.99",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_five_wrong_passwords_for_five_accounts_lock_the_address(client, camille):
    for n in range(5):
        client.post(LOGIN, {"login": f"guess{n}@example.com", "password": "guess"}, REMOTE_ADDR="203.0.113.7")
    assert sign_in(client, "the-right-password-42").status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_resets_the_count(client, camille):
    for _ in range(4):
        sign_in(client, "guess")
    assert sign_in(client, "the-right-password-42").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200


def test_the_admin_sign_in_is_locked_out_too(client, camille):
    for _ in range(5):
        client.post("/fr/admin/login/", {"username": "camille@example.com", "password": "guess"})
    response = client.post("/fr/admin/login/", {"username": "camille@example.com", "password": "x"})
    assert response.status_code == 429


ROTATING = [f"10.0.{n}.{n}" for n in range(30)]


def test_without_a_trusted_proxy_a_rotating_forwarded_for_does_not_lift_the_admin_lockout(client, camille):
    answers = [
        client.post(
            "/fr/admin/login/",
            {"username": "camille@example.com", "password": "guess"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=forged,
        ).status_code
        for forged in ROTATING
    ]
    assert answers == [200] * 4 + [429] * 26
    right = client.post(
        "/fr/admin/login/",
        {"username": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_without_a_trusted_proxy_a_rotating_forwarded_for_does_not_lift_the_shop_lockout(client, camille):
    answers = [
        client.post(
            LOGIN,
            {"login": f"bot{n}@example.com", "password": "guess"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=forged,
        ).status_code
        for n, forged in enumerate(ROTATING[:5])
    ]
    assert answers == [200] * 4 + [429]
    response = client.post(
        LOGIN,
        {"login": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_behind_one_trusted_proxy_the_limit_keys_on_the_address_it_appended(client, camille, settings):
    settings.COMPTOIR_TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"
    for n in range(5):  # the client forges the first entries; the proxy appends the real one
        client.post(
            LOGIN,
            {"login": f"bot{n}@example.com", "password": "guess"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.7",
        )
    locked = client.post(
        LOGIN,
        {"login": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7",
    )
    assert locked.status_code == 429
    elsewhere = client.post(
        LOGIN,
        {"login": "camille@example.com", "password": "the-right-password-42"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.5",  # another client behind the same proxy
    )
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(camille.pk)


def test_password_reset_mails_one_address_a_few_times_only(client, camille, mailoutbox):
    for _ in range(10):
        client.post("/fr/compte/password/reset/", {"email": "camille@example.com"})
    assert len(mailoutbox) == 5  # allauth: five a minute per address, the other five refused


def test_event_registrations_from_one_address_are_limited(client, mailoutbox):
    event = EventFactory(capacity=50)
    answers = [
        client.post(
            event.get_absolute_url(), {"name": f"Bot {n}", "email": f"bot{n}@spam.example"}
        ).status_code
        for n in range(7)
    ]
    assert answers == [302] * 5 + [429] * 2
    assert Registration.objects.count() == 5


def test_a_rotating_forwarded_for_does_not_lift_the_registration_limit(client, mailoutbox):
    event = EventFactory(capacity=50)
    answers = [
        client.post(
            event.get_absolute_url(),
            {"name": f"Bot {n}", "email": f"bot{n}@spam.example"},
            HTTP_X_FORWARDED_FOR=ROTATING[n],
        ).status_code
        for n in range(7)
    ]
    assert answers == [302] * 5 + [429] * 2
    assert Registration.objects.count() == 5


def test_one_email_registering_from_many_addresses_is_limited(client, mailoutbox):
    events = [EventFactory(capacity=50) for _ in range(7)]
    answers = [
        client.post(
            event.get_absolute_url(), {"name": "Bot", "email": "bot@spam.example"}, REMOTE_ADDR=ROTATING[n]
        ).status_code
        for n, event in enumerate(events)
    ]
    assert answers == [302] * 5 + [429] * 2
    assert Registration.objects.count() == 5


def test_a_rotating_forwarded_for_does_not_lift_the_application_limit(client):
    answers = [
        client.post(
            "/fr/pro/devenir-revendeur/",
            {**GOOD, "email": f"shop{n}@spam.example"},
            HTTP_X_FORWARDED_FOR=ROTATING[n],
        ).status_code
        for n in range(10)
    ]
    assert answers == [302] * 5 + [429] * 5
    assert ResellerApplication.objects.count() == 5


def test_reseller_applications_from_one_address_are_limited(client):
    answers = []
    for n in range(7):
        response = client.post("/fr/pro/devenir-revendeur/", {**GOOD, "email": f"shop{n}@spam.example"})
        answers.append(response.status_code)
    assert answers == [302] * 5 + [429] * 2
    assert ResellerApplication.objects.count() == 5
