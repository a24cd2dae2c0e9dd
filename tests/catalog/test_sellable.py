"""« Still on sale », said once (catalog/models.py): a variant is sellable when it is active and its
product published. The SQL form (``objects.sellable()``) and the Python form (``is_sellable``) agree."""

import pytest

from comptoir.catalog.models import Product, ProductStatus, Variant
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db


def test_only_an_active_variant_of_a_published_product_is_sellable():
    cases = {
        (status, is_active): VariantFactory(product__status=status, is_active=is_active)
        for status in ProductStatus.values
        for is_active in (True, False)
    }
    on_sale = cases[(ProductStatus.PUBLISHED, True)]
    assert list(Variant.objects.sellable()) == [on_sale]
    assert {key for key, variant in cases.items() if variant.is_sellable} == {(ProductStatus.PUBLISHED, True)}
    assert set(Product.objects.sellable()) == {
        cases[(ProductStatus.PUBLISHED, True)].product,
        cases[(ProductStatus.PUBLISHED, False)].product,
    }
    assert [product.is_sellable for product in (on_sale.product, cases[("draft", True)].product)] == [
        True,
        False,
    ]
