"""A customer on a phone and on a laptop: home → collection → filter by size → product → pick a size."""

from decimal import Decimal

import pytest

from tests.browser.conftest import serious_accessibility_violations
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    SizeScaleFactory,
    VariantFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}
SHIRTS = [
    ("Chemise Oxford blanche", "White Oxford shirt", "#f4f1ea"),
    ("Chemise popeline bleu ciel", "Sky blue poplin shirt", "#c9daea"),
    ("Chemise lin sauge", "Sage linen shirt", "#b9c4ae"),
    ("Chemise rayée marine", "Navy striped shirt", "#3b4a66"),
    ("Surchemise écrue", "Ecru overshirt", "#e8dfcc"),
    ("Chemise rose poudré", "Powder pink shirt", "#eacfcc"),
]


@pytest.fixture
def boutique():
    collection = CollectionFactory(
        name_fr="Été 2027", name_en="Summer 2027", slug_fr="ete-2027", is_featured=True
    )
    scale = SizeScaleFactory()
    sizes = [
        SizeFactory(scale=scale, label=str(label), slug=f"col-{label}", position=label)
        for label in range(38, 43)
    ]
    for index, (name_fr, name_en, hex_code) in enumerate(SHIRTS):
        product = ProductFactory(
            name_fr=name_fr,
            name_en=name_en,
            slug_fr=f"chemise-{index}",
            slug_en=f"shirt-{index}",
            retail_price=Decimal("95.00") + index * 10,
            is_new=index % 2 == 0,
            in_collections=[collection],
        )
        colour = ColourFactory(hex_code=hex_code, slug=f"couleur-{index}")
        for size in sizes:
            # Size 40 is sold out everywhere but in the first shirt; size 39 is low.
            on_hand = 0 if size.label == "40" and index else (2 if size.label == "39" else 12)
            VariantFactory(product=product, size=size, colour=colour, on_hand=on_hand)
        ProductImageFactory(product=product, colour=colour, hex_code=hex_code)
    return collection


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_customer_finds_a_shirt_in_her_size(live_server, browser, boutique, screenshots_dir, device):
    page = browser.new_page(viewport=VIEWPORTS[device])
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    page.goto(f"{live_server.url}/fr/")
    first_card = page.locator("main a[href*='/fr/produits/']").first
    assert first_card.is_visible()
    assert first_card.bounding_box()["y"] < VIEWPORTS[device]["height"], (
        "products must show on the first screen"
    )
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(screenshots_dir / f"home-{device}.png"))

    page.goto(f"{live_server.url}/fr/collections/ete-2027/")
    assert page.locator("main a[href*='/fr/produits/']").count() >= len(SHIRTS)
    assert serious_accessibility_violations(page) == []
    page.screenshot(path=str(screenshots_dir / f"collection-{device}.png"))

    # Filter by size 40: only the first shirt still has it. Open the filters on a phone first.
    filters_toggle = page.locator("details:has(input[name='size']) > summary")
    if filters_toggle.count() and filters_toggle.first.is_visible():
        filters_toggle.first.click()
    page.locator("input[name='size'][value='col-40']").check()
    submit = page.locator("form:has(input[name='size']) [type='submit']")
    if submit.count() and submit.first.is_visible():
        submit.first.click()
    page.wait_for_url("**size=col-40**")
    page.wait_for_function(
        "() => document.querySelectorAll(\"#product-results a[href*='/fr/produits/']\").length > 0"
    )
    product_links = page.locator("#product-results a[href*='/fr/produits/']")
    assert {link.get_attribute("href").split("?")[0] for link in product_links.all()} == {
        "/fr/produits/chemise-0/"
    }
    page.screenshot(path=str(screenshots_dir / f"collection-filtered-{device}.png"))

    product_links.first.click()
    page.wait_for_url("**/fr/produits/chemise-0/**")
    assert "TVA incluse" in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []

    page.locator("#purchase a[href*='size=col-39']").first.click()
    page.wait_for_url("**size=col-39**")
    page.locator("#size-col-39[aria-current='true']").wait_for()
    assert page.locator("#purchase .availability").inner_text() == "Plus que 2 pièces disponibles"
    page.screenshot(path=str(screenshots_dir / f"product-{device}.png"), full_page=True)
    assert errors == []
    page.close()
