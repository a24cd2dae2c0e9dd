from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from comptoir.catalog.models import ProductStatus
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    UserFactory,
    VariantFactory,
)
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    collection = CollectionFactory(
        slug_fr="ete-2027", slug_en="summer-2027", is_featured=True, name_fr="Été 2027"
    )
    product = ProductFactory(
        name_fr="Chemise Oxford",
        name_en="Oxford shirt",
        slug_fr="chemise-oxford",
        slug_en="oxford-shirt",
        retail_price=Decimal("95.00"),
        in_collections=[collection],
    )
    blue = ColourFactory(slug="bleu", name_fr="Bleu", name_en="Blue")
    for label, on_hand in (("38", 10), ("39", 2), ("40", 0)):
        VariantFactory(
            product=product, colour=blue, size=SizeFactory(label=label, slug=f"col-{label}"), on_hand=on_hand
        )
    ProductImageFactory(product=product, colour=blue)
    return product


def test_home_shows_products_at_once(client, shirt):
    response = client.get("/fr/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Chemise Oxford" in content
    assert "95,00" in content


def test_root_redirects_to_french(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_product_page_shows_price_vat_included_and_size_availability(client, shirt):
    response = client.get("/fr/produits/chemise-oxford/?colour=bleu")
    content = response.content.decode()
    assert response.status_code == 200
    assert "95,00\xa0€" in content
    assert "TVA incluse" in content
    sizes = {choice.size.label: choice.availability for choice in response.context["picker"].sizes}
    assert sizes == {"38": "in_stock", "39": "low", "40": "sold_out"}


def test_picking_a_size_selects_the_variant(client, shirt):
    response = client.get("/fr/produits/chemise-oxford/", {"colour": "bleu", "size": "col-39"})
    picker = response.context["picker"]
    assert picker.selected_variant.size.label == "39"
    assert picker.on_hand == 2


def test_the_picker_answers_htmx_with_only_the_purchase_panel(client, shirt):
    response = client.get(
        "/fr/produits/chemise-oxford/?colour=bleu&size=col-38",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="purchase",
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert response.context["picker"].selected_variant.size.label == "38"


def test_english_product_page_uses_english_address_name_and_price_format(client, shirt):
    response = client.get("/en/products/oxford-shirt/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Oxford shirt" in content
    assert "€95.00" in content


def test_a_slug_of_the_other_language_redirects_permanently(client, shirt):
    response = client.get("/en/products/chemise-oxford/")
    assert response.status_code == 301
    assert response["Location"] == "/en/products/oxford-shirt/"


def test_language_switch_links_point_to_the_same_product(client, shirt):
    response = client.get("/fr/produits/chemise-oxford/")
    assert response.context["alternates"] == {
        "fr": "/fr/produits/chemise-oxford/",
        "en": "/en/products/oxford-shirt/",
    }


def test_collection_filters_by_size_and_ignores_unknown_values(client, shirt):
    other = ProductFactory(name_fr="Chemise lin", in_collections=[shirt.collections.get()])
    VariantFactory(product=other, size=SizeFactory(slug="col-44"), on_hand=3)
    url = "/fr/collections/ete-2027/"
    filtered = client.get(url, {"size": "col-44"})
    assert [p.name for p in filtered.context["products"]] == ["Chemise lin"]
    unknown = client.get(url, {"size": "col-99", "colour": "<script>", "min": "abc", "sort": "nope"})
    assert unknown.status_code == 200
    assert len(unknown.context["products"]) == 2


def test_collection_filters_answer_htmx_with_the_results_only(client, shirt):
    response = client.get(
        "/fr/collections/ete-2027/",
        {"size": "col-38"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="product-results",
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert "Chemise Oxford" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/fr/produits/nexiste-pas/",
        "/fr/collections/nexiste-pas/",
        "/fr/collections/ete-2027/?page=999999",
        "/fr/collections/ete-2027/?page=abc",
        "/fr/recherche/?q=oxford&page=-1",
        "/fr/une-page-inconnue/",
    ],
)
def test_bad_addresses_get_a_styled_404(client, shirt, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Été 2027" in response.content.decode()  # the 404 suggests the collections


def test_draft_and_archived_products_are_not_shown(client, shirt):
    ProductFactory(slug_fr="brouillon", status=ProductStatus.DRAFT)
    ProductFactory(slug_fr="archive", status=ProductStatus.ARCHIVED)
    assert client.get("/fr/produits/brouillon/").status_code == 404
    archived = client.get("/fr/produits/archive/")  # its page is gone: the visitor is sent on (tests/seo)
    assert (archived.status_code, archived["Location"]) == (301, "/fr/")


def test_search_finds_a_product_and_suggests_collections_when_nothing_matches(client, shirt):
    found = client.get("/fr/recherche/", {"q": "oxford"})
    assert [p.name for p in found.context["products"]] == ["Chemise Oxford"]
    nothing = client.get("/fr/recherche/", {"q": "zzz introuvable"})
    assert nothing.status_code == 200
    assert list(nothing.context["suggested_collections"]) == [shirt.collections.get()]


def test_an_absurdly_long_search_is_cut_not_an_error(client, shirt):
    response = client.get("/fr/recherche/", {"q": "oxford " * 500})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [4, 40])
@pytest.mark.parametrize("signed_in", [False, True])
def test_pages_cost_a_bounded_number_of_queries_whatever_the_catalogue(
    client, django_assert_max_num_queries, count, signed_in
):
    collection = CollectionFactory(slug_fr="toutes", is_featured=True)
    size = SizeFactory()
    for _ in range(count):
        product = ProductFactory(in_collections=[collection], is_new=True)
        VariantFactory(product=product, size=size)
        VariantFactory(product=product)
        ProductImageFactory(product=product)
    if signed_in:  # never served from the page cache: every request renders
        client.force_login(UserFactory())
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    for url in ("/fr/", "/fr/collections/toutes/", product_url, reverse("storefront:search") + "?q=chemise"):
        # Signed in: the session, the user, the bag. A list reads its page's ids, then their cards.
        with django_assert_max_num_queries(19 if signed_in else 16):
            assert client.get(url).status_code == 200
        if not signed_in and url != reverse("storefront:search") + "?q=chemise":
            with django_assert_max_num_queries(0):  # a visitor's page again: from the cache
                assert client.get(url).status_code == 200


def test_the_server_error_page_is_styled_and_needs_no_database(client, settings):
    from comptoir.storefront.views import server_error

    response = server_error(client.get("/fr/").wsgi_request)
    assert response.status_code == 500
    assert settings.SHOP_NAME in response.content.decode()


def test_a_sale_shows_the_reference_struck_through_with_the_reduction_on_cards_and_the_product_page(
    client, shirt
):
    make_sale(collections=[shirt.collections.get()], value="30")

    card = client.get("/fr/collections/ete-2027/").content.decode()
    page = client.get("/fr/produits/chemise-oxford/?colour=bleu&size=col-38").content.decode()

    for content in (card, page):
        assert "66,50\xa0€" in content
        assert "Prix de référence :" in content
        assert "95,00\xa0€</s>" in content
        assert "−30\xa0%" in content or "−30 %" in content
    assert "le plus bas des 30 jours précédant la réduction" in page


@pytest.mark.parametrize("count", [4, 40])
def test_pages_with_a_sale_running_cost_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, count
):
    collection = CollectionFactory(slug_fr="toutes", is_featured=True)
    size = SizeFactory()
    for _ in range(count):
        product = ProductFactory(in_collections=[collection], is_new=True)
        VariantFactory(product=product, size=size)
        ProductImageFactory(product=product)
    make_sale(collections=[collection])
    make_sale(products=[product], value="40")
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    for url in ("/fr/", "/fr/collections/toutes/", product_url, reverse("storefront:search") + "?q=chemise"):
        with django_assert_max_num_queries(20):  # the 16 of a shop without sales, and four for the sales
            assert client.get(url).status_code == 200
