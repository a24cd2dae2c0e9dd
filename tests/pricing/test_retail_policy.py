from decimal import Decimal

import pytest

from comptoir.catalog.models import Product
from comptoir.core.money import Money
from comptoir.pricing.policy import policy_for, quote
from tests.factories import ProductFactory, UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


def test_a_consumer_is_quoted_the_retail_price_vat_included():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    price = quote(variant=variant, customer=UserFactory(), quantity=2)
    assert price.prices_include_tax is True
    assert price.displayed_unit == Money(Decimal("120.00"))
    assert price.unit.net == Money(Decimal("100.00"))
    assert price.displayed_total == Money(Decimal("240.00"))
    assert price.vat_rate == Decimal("0.2000")


def test_a_variant_price_overrides_the_product_price():
    variant = VariantFactory(product__retail_price=Decimal("120.00"), retail_price=Decimal("130.00"))
    assert quote(variant=variant, customer=None).displayed_unit == Money(Decimal("130.00"))


def test_listing_price_is_the_lowest_active_variant_and_says_from_when_prices_differ():
    product = ProductFactory(retail_price=Decimal("95.00"))
    VariantFactory(product=product)
    VariantFactory(product=product, retail_price=Decimal("105.00"))
    VariantFactory(product=product, retail_price=Decimal("80.00"), is_active=False)
    policy = policy_for(customer=None)
    listed = policy.annotate_listing_prices(Product.objects.filter(pk=product.pk)).get()
    card = policy.listing_quote(product=listed)
    assert card.displayed_unit == Money(Decimal("95.00"))
    assert card.is_from_price is True


def test_listing_price_of_a_single_priced_product_is_not_a_from_price():
    product = ProductFactory(retail_price=Decimal("95.00"))
    VariantFactory(product=product)
    VariantFactory(product=product)
    policy = policy_for(customer=None)
    listed = policy.annotate_listing_prices(Product.objects.filter(pk=product.pk)).get()
    assert policy.listing_quote(product=listed).is_from_price is False
