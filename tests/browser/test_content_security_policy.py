"""In a real browser, the shop's pages work under its Content-Security-Policy: nothing is blocked."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import ProductImageFactory, UserFactory, VariantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_pages_a_customer_walks_through_run_without_a_blocked_script_or_style(live_server, browser):
    variant = VariantFactory(on_hand=5)
    ProductImageFactory(product=variant.product)
    camille = UserFactory(email="camille@example.com")
    page = browser.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/fr/", f"/fr/produits/{variant.product.slug}/", "/fr/panier/", "/fr/journal/"):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    signed_in = Client()
    signed_in.force_login(camille)
    session = {"name": "sessionid", "value": signed_in.cookies["sessionid"].value, "url": live_server.url}
    page.context.add_cookies([session])
    page.goto(f"{live_server.url}/fr/compte/donnees/")
    assert page.locator("h1").inner_text() == "Mes données"
    # htmx is loaded from the shop's own files and runs: it has set up its global.
    assert page.evaluate("typeof window.htmx") == "object"
    assert violations == []
