"""A guest buys a shirt on a phone and on a laptop: bag, checkout, demo payment, her paid order."""

from decimal import Decimal

import pytest

from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.orders.models import Order, OrderStatus
from tests.browser.conftest import serious_accessibility_violations
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    VariantFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}


@pytest.fixture
def shop(settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    settings.COMPTOIR_DEMO_PAYMENTS = True
    ensure_demo_shipping()
    product = ProductFactory(
        name_fr="Chemise Oxford blanche",
        slug_fr="chemise-oxford",
        retail_price=Decimal("95.00"),
        in_collections=[CollectionFactory(name_fr="Essentiels", is_featured=True)],
    )
    colour = ColourFactory(name_fr="Blanc", hex_code="#f4f1ea")
    for label in ("39", "40", "41"):
        VariantFactory(
            product=product, colour=colour, size=SizeFactory(label=label, slug=f"col-{label}"), on_hand=5
        )
    ProductImageFactory(product=product, colour=colour, hex_code="#f4f1ea")
    return product


def assert_no_sideways_scroll(page, device: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[device]["width"], f"the page is {width}px wide on a {device}"


def fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.locator(f"main [name='{name}']").fill(value)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_guest_buys_a_shirt_and_pays(live_server, browser, shop, screenshots_dir, device):
    page = browser.new_page(viewport=VIEWPORTS[device])
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    page.goto(f"{live_server.url}/fr/")
    page.screenshot(path=str(screenshots_dir / f"purchase-0-home-{device}.png"))
    page.locator("main a[href*='/fr/produits/chemise-oxford/']").first.click()
    page.wait_for_url("**/fr/produits/chemise-oxford/")
    assert page.get_by_role("button", name="Ajouter au panier").count() == 0  # a size first
    page.locator("#size-col-40").click()
    page.locator("#size-col-40[aria-current='true']").wait_for()
    page.get_by_role("button", name="Ajouter au panier").click()
    page.get_by_text("Ajouté à votre panier.").wait_for()
    assert page.locator("#mini-cart .site-cart__count").inner_text().strip().endswith("1")
    page.screenshot(path=str(screenshots_dir / f"purchase-1-added-{device}.png"))

    page.locator("#mini-cart").click()
    page.wait_for_url("**/fr/panier/")
    page.locator(".cart-line select").select_option("2")
    page.locator(".cart__totals dd", has_text="190,00").wait_for()
    assert page.locator("#mini-cart .site-cart__count").inner_text().strip().endswith("2")
    assert serious_accessibility_violations(page) == []
    assert_no_sideways_scroll(page, device)
    page.screenshot(path=str(screenshots_dir / f"purchase-2-cart-{device}.png"), full_page=True)

    page.get_by_role("link", name="Passer commande").click()
    page.wait_for_url("**/fr/commander/")
    fill(
        page,
        {
            "email": "camille@example.com",
            "shipping-first_name": "Camille",
            "shipping-last_name": "Durand",
            "shipping-line1": "12 rue des Lilas",
            "shipping-postcode": "75011",
            "shipping-city": "Paris",
            "shipping-phone": "06 12 34 56 78",
        },
    )
    # Belgium: the methods change to the EU's, the summary follows; then back to France.
    page.locator("[name='shipping-country']").select_option("BE")
    page.locator("#shipping-options", has_text="Colissimo International").wait_for()
    page.locator("[name='shipping-country']").select_option("FR")
    page.locator("#shipping-options", has_text="Point relais Mondial Relay").wait_for()
    page.locator("label", has_text="Colissimo à domicile").click()
    page.locator("#checkout-summary", has_text="Offerte").wait_for()  # 190 € ≥ the free-shipping threshold
    page.locator("label", has_text="Paiement de démonstration").first.click()
    page.locator("[name='accept_terms']").check()
    assert serious_accessibility_violations(page) == []
    assert_no_sideways_scroll(page, device)
    page.screenshot(path=str(screenshots_dir / f"purchase-3-checkout-{device}.png"), full_page=True)

    page.get_by_role("button", name="Commander avec obligation de paiement").click()
    page.wait_for_url("**/paiement/demo/**")
    page.screenshot(path=str(screenshots_dir / f"purchase-4-payment-{device}.png"))
    page.get_by_role("button", name="Payer", exact=True).click()
    page.wait_for_url("**/fr/commande/**")

    order = Order.objects.get()
    assert order.status == OrderStatus.PAID
    assert (order.total_gross, order.shipping_gross) == (Decimal("190.00"), Decimal("0.00"))
    assert order.number in page.locator("main").inner_text()
    assert page.get_by_role("heading", name="Merci pour votre commande").is_visible()
    page.screenshot(path=str(screenshots_dir / f"purchase-5-order-{device}.png"), full_page=True)
    assert errors == []
    page.close()
