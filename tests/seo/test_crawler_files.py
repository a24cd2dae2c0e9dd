"""sitemap.xml, robots.txt and the Google Merchant Center feed, parsed as their readers parse them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comptoir.catalog.models import ProductStatus
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

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "g": "http://base.google.com/ns/1.0",
}


def parse(document: bytes) -> ET.Element:
    return ET.fromstring(document)  # noqa: S314 - our own pages, not untrusted input


def feed_of(client, language: str) -> bytes:
    response = client.get(f"/feeds/google-merchant-{language}.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return b"".join(response.streaming_content)


def prices_in(document: bytes) -> dict[str, str]:
    return {
        item.find("g:id", NS).text: item.find("g:price", NS).text for item in parse(document).iter("item")
    }


@pytest.fixture
def shop():
    ensure_demo_shipping()
    collection = CollectionFactory(slug_fr="ete-2027", slug_en="summer-2027")
    product = ProductFactory(
        name_fr="Chemise Oxford",
        name_en="Oxford shirt",
        slug_fr="chemise-oxford",
        slug_en="oxford-shirt",
        description_fr="Une Oxford en coton bio.",
        retail_price=Decimal("95.00"),
        gender="male",
        in_collections=[collection],
    )
    colour = ColourFactory(name_fr="Bleu ciel", name_en="Sky blue", slug="bleu-ciel")
    VariantFactory(
        product=product,
        colour=colour,
        size=SizeFactory(label="40", slug="col-40"),
        sku="OX-BC-40",
        ean13="4006381333931",
        on_hand=2,
    )
    VariantFactory(
        product=product,
        colour=colour,
        size=SizeFactory(label="41", slug="col-41"),
        sku="OX-BC-41",
        ean13="",
        on_hand=0,
    )
    ProductImageFactory(product=product, colour=colour)
    ProductFactory(slug_fr="brouillon", status=ProductStatus.DRAFT)
    return product


def test_the_sitemap_index_lists_every_section_and_each_lists_both_languages(client, shop):
    index = parse(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert sections == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-collections.xml",
        "http://testserver/sitemap-products.xml",
        "http://testserver/sitemap-content.xml",
        "http://testserver/sitemap-journal.xml",
        "http://testserver/sitemap-events.xml",
    ]

    products = parse(client.get("/sitemap-products.xml").content)
    locations = [url.find("s:loc", NS).text for url in products.findall("s:url", NS)]
    assert locations == [
        "http://testserver/fr/produits/chemise-oxford/",
        "http://testserver/en/products/oxford-shirt/",
    ]
    first = products.find("s:url", NS)
    alternates = {link.get("hreflang"): link.get("href") for link in first.findall("xhtml:link", NS)}
    assert alternates == {
        "fr": "http://testserver/fr/produits/chemise-oxford/",
        "en": "http://testserver/en/products/oxford-shirt/",
        "x-default": "http://testserver/fr/produits/chemise-oxford/",
    }
    [image] = first.findall("image:image/image:loc", NS)
    assert image.text.startswith("http://testserver/") and image.text.endswith(".jpg")
    assert "brouillon" not in client.get("/sitemap-products.xml").content.decode()


def test_a_product_published_shows_in_the_sitemap_that_was_served_from_the_cache(client, shop):
    assert client.get("/sitemap-products.xml")["X-Page-Cache"] == "miss"
    assert client.get("/sitemap-products.xml")["X-Page-Cache"] == "hit"
    draft = ProductFactory._meta.model.objects.get(slug_fr="brouillon")
    draft.status = ProductStatus.PUBLISHED
    draft.save()
    served = client.get("/sitemap-products.xml")
    assert served["X-Page-Cache"] == "miss"
    assert "/fr/produits/brouillon/" in served.content.decode()


def test_the_sitemaps_cost_the_same_queries_whatever_the_catalogue_and_never_read_variants(client, shop):
    with CaptureQueriesContext(connection) as one_product:
        client.get("/sitemap.xml")
        client.get("/sitemap-products.xml")
    for _ in range(30):
        product = ProductFactory()
        VariantFactory(product=product)
        VariantFactory(product=product)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        index = parse(client.get("/sitemap.xml").content)
        urls = parse(client.get("/sitemap-products.xml").content).findall("s:url", NS)
    assert len(urls) == 2 * 31
    assert len(many.captured_queries) <= len(one_product.captured_queries)
    # Ten variants a product: reading them was most of a large catalogue's sitemap time.
    assert not [query for query in many.captured_queries if "catalog_variant" in query["sql"]]
    products_section = next(
        sitemap
        for sitemap in index.findall("s:sitemap", NS)
        if sitemap.find("s:loc", NS).text.endswith("products.xml")
    )
    latest = timezone.localtime(product.updated_at).strftime("%Y-%m-%dT%H:%M:%S")
    assert products_section.find("s:lastmod", NS).text.startswith(latest)


def test_robots_keeps_private_pages_out_and_points_to_the_sitemap(client, shop):
    robots = client.get("/robots.txt").content.decode().splitlines()
    for private in (
        "/fr/panier/",
        "/en/cart/",
        "/fr/commander/",
        "/en/checkout/",
        "/fr/compte/",
        "/en/account/",
    ):
        assert f"Disallow: {private}" in robots
    assert "Disallow: /fr/commande/" in robots and "Disallow: /en/order/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /fr/produits/" not in robots


def test_the_merchant_feed_carries_the_apparel_attributes_of_every_variant(client, shop):
    feed = parse(feed_of(client, "fr"))
    items = {item.find("g:id", NS).text: item for item in feed.findall("channel/item")}
    assert set(items) == {"OX-BC-40", "OX-BC-41"}
    item = items["OX-BC-40"]

    def g(name: str) -> str:
        return item.find(f"g:{name}", NS).text

    assert g("title") == "Chemise Oxford – Bleu ciel / 40"
    assert g("item_group_id") == f"P{shop.pk}"
    assert g("link") == "http://testserver/fr/produits/chemise-oxford/?colour=bleu-ciel&size=col-40"
    assert (g("price"), g("availability"), g("condition")) == ("95.00 EUR", "in_stock", "new")
    assert (g("brand"), g("gtin"), g("color"), g("size")) == (
        "Maison Lavande",
        "4006381333931",
        "Bleu ciel",
        "40",
    )
    assert (g("gender"), g("age_group")) == ("male", "adult")
    assert g("image_link").startswith("http://testserver/")
    shipping = {
        s.find("g:service", NS).text: s.find("g:price", NS).text for s in item.findall("g:shipping", NS)
    }
    assert shipping["Colissimo à domicile"] == "5.90 EUR"
    assert items["OX-BC-41"].find("g:availability", NS).text == "out_of_stock"
    assert items["OX-BC-41"].find("g:identifier_exists", NS).text == "no"


def test_the_english_feed_speaks_english_and_an_unknown_language_is_not_found(client, shop):
    feed = parse(feed_of(client, "en"))
    titles = [item.find("g:title", NS).text for item in feed.findall("channel/item")]
    assert "Oxford shirt – Sky blue / 40" in titles
    assert client.get("/feeds/google-merchant-de.xml").status_code == 404


def test_the_merchant_feed_gives_the_sale_price_its_period_and_the_reference_as_price(client, shop):
    running = make_sale(products=[shop], value="20")
    cache.clear()  # the feed is cached a quarter of an hour

    feed = parse(feed_of(client, "fr"))

    [item] = [item for item in feed.findall("channel/item") if item.find("g:id", NS).text == "OX-BC-40"]
    assert item.find("g:price", NS).text == "95.00 EUR"
    assert item.find("g:sale_price", NS).text == "76.00 EUR"
    assert item.find("g:sale_price_effective_date", NS).text == (
        f"{running.starts_at.isoformat()}/{running.ends_at.isoformat()}"
    )


def test_a_new_price_is_in_the_next_feed_fetched(client, shop):
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "95.00 EUR"
    shop.retail_price = Decimal("79.00")
    shop.save()
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "79.00 EUR"


def test_with_a_worker_the_feed_is_built_in_the_background_and_the_previous_one_served_meanwhile(
    client, shop, monkeypatch
):
    asked: list[dict] = []
    monkeypatch.setattr(
        "comptoir.storefront.views_seo.enqueue", lambda job, **kwargs: asked.append({"job": job, **kwargs})
    )

    def worker_runs() -> None:
        request = asked.pop()
        request.pop("job")(**request)

    first = client.get("/feeds/google-merchant-fr.xml")
    assert first.status_code == 503 and first["Retry-After"] == "300"  # none yet: Google comes back
    assert len(asked) == 1
    worker_runs()
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "95.00 EUR"

    shop.retail_price = Decimal("79.00")
    shop.save()
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "95.00 EUR"  # the previous one, while…
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "95.00 EUR"
    assert len(asked) == 1  # …one new feed is asked for, whatever the fetches meanwhile
    worker_runs()
    assert prices_in(feed_of(client, "fr"))["OX-BC-40"] == "79.00 EUR"
    assert not asked


def test_read_a_chunk_at_a_time_the_feed_has_every_variant_once_in_the_catalogue_s_order(shop):
    from comptoir.seo.catalogue import merchant_feed_items

    for number in range(9):
        VariantFactory(product=ProductFactory(), sku=f"X-{number}")
    whole = [item.id for item in merchant_feed_items(base_url="https://x", brand="B", chunk=1000)]
    by_four = [item.id for item in merchant_feed_items(base_url="https://x", brand="B", chunk=4)]
    assert len(whole) == 11 and sorted(whole) == sorted({*whole})
    assert by_four == whole
