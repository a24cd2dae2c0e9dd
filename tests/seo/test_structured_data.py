"""Search engines read the shop as Google's merchant listings ask: JSON-LD, titles, canonical, cards."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from decimal import Decimal

import extruct
import pytest
from django.utils import timezone

from comptoir.demo.services.shipping import ensure_demo_shipping
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    VariantFactory,
)
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db


@pytest.fixture
def oxford():
    ensure_demo_shipping()
    collection = CollectionFactory(name_fr="Été 2027", slug_fr="ete-2027", is_featured=True)
    product = ProductFactory(
        name_fr="Chemise Oxford",
        slug_fr="chemise-oxford",
        summary_fr="Une Oxford en coton bio, coupée à Paris.",
        retail_price=Decimal("95.00"),
        in_collections=[collection],
    )
    colour = ColourFactory(name_fr="Bleu ciel", slug="bleu-ciel")
    VariantFactory(
        product=product,
        colour=colour,
        size=SizeFactory(label="40", slug="col-40"),
        ean13="4006381333931",
        on_hand=3,
    )
    VariantFactory(product=product, colour=colour, size=SizeFactory(label="41", slug="col-41"), on_hand=0)
    ProductImageFactory(product=product, colour=colour, alt_text_fr="Chemise Oxford bleu ciel, de face")
    return product


def json_ld(client, url: str) -> list[dict]:
    page = client.get(url).content.decode()
    return extruct.extract(page, base_url="http://testserver" + url, syntaxes=["json-ld"])["json-ld"]


def of_type(blocks: list[dict], kind: str) -> dict:
    [block] = [block for block in blocks if block.get("@type") == kind]
    return block


def test_the_product_page_describes_every_variant_as_a_merchant_listing(client, oxford):
    group = of_type(json_ld(client, "/fr/produits/chemise-oxford/"), "ProductGroup")

    assert group["name"] == "Chemise Oxford"
    assert group["brand"] == {"@type": "Brand", "name": "Maison Lavande"}
    assert group["variesBy"] == ["https://schema.org/size", "https://schema.org/color"]
    assert group["image"][0].startswith("http://testserver/")
    in_stock, sold_out = group["hasVariant"]
    assert (in_stock["size"], in_stock["color"], in_stock["gtin13"]) == ("40", "Bleu ciel", "4006381333931")
    assert in_stock["url"] == "http://testserver/fr/produits/chemise-oxford/?colour=bleu-ciel&size=col-40"
    assert in_stock["image"].startswith("http://testserver/")
    offer = in_stock["offers"]
    assert (offer["price"], offer["priceCurrency"]) == ("95.00", "EUR")
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["itemCondition"] == "https://schema.org/NewCondition"
    [shipping] = offer["shippingDetails"]
    assert shipping["shippingRate"] == {"@type": "MonetaryAmount", "value": "5.90", "currency": "EUR"}
    assert shipping["shippingDestination"]["addressCountry"] == "FR"
    assert offer["hasMerchantReturnPolicy"]["merchantReturnDays"] == 14
    assert sold_out["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert all(variant["sku"] for variant in group["hasVariant"])


def test_the_product_page_has_its_breadcrumbs(client, oxford):
    trail = of_type(json_ld(client, "/fr/produits/chemise-oxford/"), "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Accueil", "http://testserver/fr/"),
        (2, "Été 2027", "http://testserver/fr/collections/ete-2027/"),
        (3, "Chemise Oxford", "http://testserver/fr/produits/chemise-oxford/"),
    ]


def test_the_home_page_declares_the_brand_and_its_search(client, oxford):
    blocks = json_ld(client, "/fr/")
    assert of_type(blocks, "Organization")["name"] == "Maison Lavande"
    action = of_type(blocks, "WebSite")["potentialAction"]
    assert action["target"]["urlTemplate"] == "http://testserver/fr/recherche/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_the_collection_page_has_its_breadcrumbs(client, oxford):
    trail = of_type(json_ld(client, "/fr/collections/ete-2027/"), "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in trail] == ["Accueil", "Été 2027"]


def meta(page: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else ""


def test_titles_descriptions_canonical_and_cards_need_no_tuning(client, oxford):
    page = client.get("/fr/produits/chemise-oxford/?colour=bleu-ciel&size=col-40").content.decode()
    assert "<title>Chemise Oxford — Maison Lavande</title>" in page
    # The tagline alone is short: the description completes it.
    assert meta(page, "name", "description") == (
        "Une Oxford en coton bio, coupée à Paris. Une chemise en popeline de coton."
    )
    assert '<link rel="canonical" href="http://testserver/fr/produits/chemise-oxford/">' in page
    assert meta(page, "property", "og:type") == "product"
    assert meta(page, "property", "og:image").startswith("http://testserver/")
    assert meta(page, "property", "og:image:alt") == "Chemise Oxford bleu ciel, de face"
    assert meta(page, "name", "twitter:card") == "summary_large_image"


def test_what_the_founder_writes_wins_and_long_texts_are_cut_at_a_word(client, oxford):
    oxford.meta_title_fr = "Oxford bleu ciel, coton bio"
    oxford.summary_fr = ""
    oxford.description_fr = "Tissée au Portugal " * 20
    oxford.save()
    page = client.get("/fr/produits/chemise-oxford/").content.decode()
    assert "<title>Oxford bleu ciel, coton bio</title>" in page
    description = meta(page, "name", "description")
    assert len(description) <= 155 and description.endswith("Portugal…")


def test_listing_pages_after_the_first_have_their_own_title_and_canonical(client, oxford, settings):
    settings.CATALOG_PAGE_SIZE = 1
    ProductFactory(in_collections=list(oxford.collections.all()))
    page = client.get("/fr/collections/ete-2027/?page=2").content.decode()
    assert "<title>Été 2027 — Maison Lavande — page 2</title>" in page
    assert '<link rel="canonical" href="http://testserver/fr/collections/ete-2027/?page=2">' in page


def test_text_in_json_ld_cannot_close_the_script(client, oxford):
    oxford.name_fr = "Chemise </script><script>alert(1)</script>"
    oxford.save()
    page = client.get("/fr/produits/chemise-oxford/").content.decode()
    assert "<script>alert(1)</script>" not in page
    group = of_type(json_ld(client, "/fr/produits/chemise-oxford/"), "ProductGroup")
    assert group["name"] == "Chemise </script><script>alert(1)</script>"


def test_a_sale_offer_gives_its_end_and_the_struck_through_reference_price(client, oxford):
    make_sale(products=[oxford], value="20", ends=10)

    group = of_type(json_ld(client, "/fr/produits/chemise-oxford/"), "ProductGroup")

    offer = group["hasVariant"][0]["offers"]
    assert offer["price"] == "76.00"
    assert offer["priceValidUntil"] == (timezone.now() + timedelta(days=10)).date().isoformat()
    assert offer["priceSpecification"] == {
        "@type": "UnitPriceSpecification",
        "priceType": "https://schema.org/StrikethroughPrice",
        "price": "95.00",
        "priceCurrency": "EUR",
    }
