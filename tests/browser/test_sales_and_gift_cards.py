"""On a phone: a sale reads struck through with its reduction; a gift card's holder reads its balance."""

from decimal import Decimal

import pytest

from comptoir.payments.services.issue_gift_card import issue_gift_card
from tests.browser.conftest import serious_accessibility_violations
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    VariantFactory,
)
from tests.factories.sales import make_sale

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_sale_and_a_gift_card_balance_on_a_phone(live_server, browser, screenshots_dir):
    summer = CollectionFactory(slug_fr="ete", name_fr="Été", is_featured=True)
    product = ProductFactory(
        slug_fr="chemise-lin",
        name_fr="Chemise en lin",
        retail_price=Decimal("120.00"),
        in_collections=[summer],
    )
    colour = ColourFactory(slug="sable")
    VariantFactory(product=product, colour=colour, size=SizeFactory(label="40", slug="col-40"), on_hand=3)
    ProductImageFactory(product=product, colour=colour)
    make_sale(collections=[summer], value="25")
    card = issue_gift_card(amount=Decimal("100.00"), recipient_email="ami@example.com", language="fr")

    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path, name in (
        ("/fr/collections/ete/", "sale-collection"),
        ("/fr/produits/chemise-lin/", "sale-product"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.locator("s.reduction__reference").first.inner_text().endswith("120,00\xa0€")
        assert page.locator(".reduction__percent").first.inner_text().replace("\xa0", " ") == "−25 %"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert serious_accessibility_violations(page) == [], path
        page.screenshot(path=str(screenshots_dir / f"{name}-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/fr/carte-cadeau/solde/")
    page.fill("#gift-card-code", card.code.lower())
    page.click("button[type=submit] >> text=Voir le solde")
    assert "100,00" in page.locator(".gift-card__amount").inner_text()
    assert serious_accessibility_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshots_dir / "gift-card-balance-phone.png"), full_page=True)
