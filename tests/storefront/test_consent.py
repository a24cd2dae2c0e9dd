"""No cookie but the session's and the CSRF's by default; a third-party tracker only after consent."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from comptoir.storefront.consent import COOKIE_NAME
from tests.factories import ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db

TRACKER = "https://stats.tracker.example/script.js"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def product_url():
    return VariantFactory(
        product=ProductFactory(slug_fr="chemise-oxford"), on_hand=3
    ).product.get_absolute_url()


def visit(client, urls):
    cookies = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        cookies |= set(response.cookies)
    return cookies, response.content.decode()


def test_by_default_no_bar_no_tracker_and_only_session_and_csrf_cookies(client, product_url):
    cookies, page = visit(client, ["/fr/", product_url, "/fr/", "/en/"])
    client.post("/fr/panier/ajouter/", {"variant": "0", "quantity": "1"})  # a session, at most
    assert cookies <= {"csrftoken", "sessionid"}
    assert set(client.cookies) <= {"csrftoken", "sessionid"}
    assert "consent-bar" not in page
    assert "tracker" not in page


def test_a_configured_tracker_waits_for_consent(settings, product_url):
    settings.COMPTOIR_THIRD_PARTY_TRACKER_URL = TRACKER
    client = Client()
    cookies, page = visit(client, ["/fr/", product_url])

    assert TRACKER not in page  # no request to the tracker can start from this page
    assert 'class="consent-bar"' in page
    assert COOKIE_NAME not in cookies  # nothing remembered before a choice

    token = TOKEN.search(page).group(1)
    response = client.post(
        "/fr/cookies/", {"choice": "yes", "back": product_url, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and response["Location"] == product_url
    assert client.cookies[COOKIE_NAME].value == "yes"

    page = client.get(product_url).content.decode()
    assert f'<script src="{TRACKER}" async></script>' in page
    assert 'class="consent-bar"' not in page
    # a visitor who has not chosen still gets the page without it, even from the page cache
    assert TRACKER not in Client().get(product_url).content.decode()


def test_a_refusal_is_remembered_and_can_be_changed_from_the_footer(settings):
    settings.COMPTOIR_THIRD_PARTY_TRACKER_URL = TRACKER
    client = Client()
    token = TOKEN.search(client.get("/fr/").content.decode()).group(1)

    client.post("/fr/cookies/", {"choice": "no", "back": "/fr/", "csrfmiddlewaretoken": token})
    page = client.get("/fr/").content.decode()
    assert client.cookies[COOKIE_NAME].value == "no"
    assert TRACKER not in page and 'class="consent-bar"' not in page
    assert 'class="legal-links__button"' in page  # « Cookies »: ask again

    client.post("/fr/cookies/", {"choice": "", "back": "/fr/", "csrfmiddlewaretoken": token})
    assert 'class="consent-bar"' in client.get("/fr/").content.decode()


def test_the_answer_never_sends_the_visitor_elsewhere(settings):
    settings.COMPTOIR_THIRD_PARTY_TRACKER_URL = TRACKER
    client = Client()
    for back in ("https://evil.example/", "//evil.example/", "/\\evil.example/"):
        response = client.post("/fr/cookies/", {"choice": "no", "back": back})
        assert response["Location"].startswith("/") and "evil" not in response["Location"]
