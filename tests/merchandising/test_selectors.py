from decimal import Decimal

import pytest
from django.utils import translation

from comptoir.catalog.models import ProductStatus
from comptoir.merchandising import selectors
from comptoir.merchandising.selectors import ProductFilters, Sort
from comptoir.pricing.policy import policy_for
from tests.factories import (
    CollectionFactory,
    ColourFactory,
    FitFactory,
    ProductFactory,
    ProductImageFactory,
    SizeFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db
RETAIL = policy_for(customer=None)


def names(products):
    return [product.name for product in products]


def make_catalogue(count: int, collection):
    size, colour = SizeFactory(), ColourFactory()
    for index in range(count):
        product = ProductFactory(in_collections=[collection], retail_price=Decimal(90 + index))
        VariantFactory(product=product, size=size, colour=colour, on_hand=index % 3)
        VariantFactory(product=product, colour=colour)
        ProductImageFactory(product=product)


def test_only_published_products_are_listed():
    collection = CollectionFactory()
    ProductFactory(name_fr="Publiée", in_collections=[collection])
    ProductFactory(name_fr="Brouillon", status=ProductStatus.DRAFT, in_collections=[collection])
    ProductFactory(name_fr="Archivée", status=ProductStatus.ARCHIVED, in_collections=[collection])
    with translation.override("fr"):
        assert names(selectors.product_listing(pricing_policy=RETAIL, collection=collection)) == ["Publiée"]


def test_collection_listing_keeps_the_founders_order():
    collection = CollectionFactory()
    second = ProductFactory(name_fr="Deuxième")
    first = ProductFactory(name_fr="Première")
    first.memberships.create(collection=collection, position=1)
    second.memberships.create(collection=collection, position=2)
    with translation.override("fr"):
        assert names(selectors.product_listing(pricing_policy=RETAIL, collection=collection)) == [
            "Première",
            "Deuxième",
        ]


def test_filter_by_size_keeps_products_that_have_it_in_stock():
    collection = CollectionFactory()
    size_39, size_40 = SizeFactory(slug="col-39"), SizeFactory(slug="col-40")
    in_stock = ProductFactory(name_fr="En stock", in_collections=[collection])
    VariantFactory(product=in_stock, size=size_39, on_hand=4)
    sold_out = ProductFactory(name_fr="Épuisée en 39", in_collections=[collection])
    VariantFactory(product=sold_out, size=size_39, on_hand=0)
    VariantFactory(product=sold_out, size=size_40, on_hand=5)
    listing = selectors.product_listing(
        pricing_policy=RETAIL, collection=collection, filters=ProductFilters(sizes=["col-39"])
    )
    with translation.override("fr"):
        assert names(listing) == ["En stock"]


def test_filter_by_colour_fit_and_price_range_and_sort_by_price():
    collection = CollectionFactory()
    blue, white, slim = ColourFactory(slug="bleu"), ColourFactory(slug="blanc"), FitFactory(slug="ajustee")
    for name, price, colour in (
        ("A", "80.00", blue),
        ("B", "120.00", blue),
        ("C", "100.00", blue),
        ("D", "90", white),
    ):
        VariantFactory(
            product=ProductFactory(name_fr=name, retail_price=Decimal(price), in_collections=[collection]),
            colour=colour,
            fit=slim,
        )
    filters = ProductFilters(
        colours=["bleu"],
        fits=["ajustee"],
        price_min=Decimal("90"),
        price_max=Decimal("130"),
        sort=Sort.PRICE_DESC,
    )
    with translation.override("fr"):
        assert names(
            selectors.product_listing(pricing_policy=RETAIL, collection=collection, filters=filters)
        ) == [
            "B",
            "C",
        ]


def test_card_data_counts_stock_once_per_variant():
    product = ProductFactory()
    VariantFactory(product=product, on_hand=2)
    VariantFactory(product=product, on_hand=5)
    ProductImageFactory(product=product)
    ProductImageFactory(product=product)
    (listed,) = selectors.product_listing(pricing_policy=RETAIL)
    assert listed.stock_total == 7
    assert len(listed.ordered_images) == 2


@pytest.mark.parametrize("catalogue_size", [3, 30])
def test_a_collection_page_of_products_costs_a_fixed_number_of_queries(
    catalogue_size, django_assert_max_num_queries
):
    collection = CollectionFactory()
    make_catalogue(catalogue_size, collection)
    with django_assert_max_num_queries(4):  # the page's ids, its products, their images, their colours
        products = list(selectors.product_listing(pricing_policy=RETAIL, collection=collection)[:12])
        selectors.card_colours(products)
    assert all(product.ordered_images for product in products)


def test_search_finds_words_in_names_and_descriptions_and_skus():
    ProductFactory(name_fr="Chemise Oxford blanche", description_fr="Col boutonné")
    lin = ProductFactory(name_fr="Chemise en lin", description_fr="Lin lavé, léger")
    VariantFactory(product=lin, sku="ML-LIN-SAB-40")
    with translation.override("fr"):
        assert names(selectors.search_products(query="oxford", pricing_policy=RETAIL)) == [
            "Chemise Oxford blanche"
        ]
        assert names(selectors.search_products(query="ML-LIN-SAB", pricing_policy=RETAIL)) == [
            "Chemise en lin"
        ]
        assert names(selectors.search_products(query="  ", pricing_policy=RETAIL)) == []


def test_a_product_is_found_by_its_slug_in_either_language():
    product = ProductFactory(slug_fr="chemise-lin", slug_en="linen-shirt")
    assert selectors.product_by_slug(slug="linen-shirt") == product
    assert selectors.product_by_slug(slug="chemise-lin") == product
    assert selectors.product_by_slug(slug="inconnue") is None
