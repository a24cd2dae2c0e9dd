"""Sales: the price charged during a period, and the reference price the Omnibus directive asks for."""

from __future__ import annotations

import importlib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from comptoir.catalog.models import Product
from comptoir.core.money import Money
from comptoir.pricing.models import RetailPriceRecord, Sale, SaleKind
from comptoir.pricing.policy import policy_for, quote
from comptoir.pricing.services.record_retail_prices import record_retail_prices
from tests.factories import CollectionFactory, ProductFactory, VariantFactory
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def price_history(variant, *prices_days_ago: tuple[str, int]) -> None:
    now = timezone.now()
    for price, days_ago in prices_days_ago:
        RetailPriceRecord.objects.create(
            variant=variant, gross_price=Decimal(price), recorded_at=now - days_ago * DAY
        )


sale = make_sale


def shirt(price: str = "100.00", **fields):
    return VariantFactory(product__retail_price=Decimal(price), **fields)


def euros(amount: str) -> Money:
    return Money(Decimal(amount))


def test_the_reference_is_the_lowest_price_of_the_30_days_before_the_sale_not_a_price_raised_meanwhile():
    variant = shirt("120.00")
    # 100 € for months, lowered to 90 € 20 days ago, raised to 120 € 5 days ago.
    price_history(variant, ("100.00", 90), ("90.00", 20), ("120.00", 5))
    sale(products=[variant.product], value="50", starts=0)

    price = quote(variant=variant, customer=None)

    assert price.displayed_unit == euros("60.00")
    assert price.displayed_reference == euros("90.00")
    assert price.reduction_percent == 33  # (90 − 60) / 90, rounded down: never overstated


def test_prices_older_than_30_days_before_the_sale_do_not_count():
    variant = shirt("100.00")
    price_history(variant, ("70.00", 60), ("100.00", 40))
    sale(products=[variant.product], value="20", starts=0)

    price = quote(variant=variant, customer=None)

    assert (price.displayed_unit, price.displayed_reference) == (euros("80.00"), euros("100.00"))
    assert price.reduction_percent == 20


def test_a_price_raised_just_before_a_sale_announces_no_reduction_but_the_sale_price_is_charged():
    variant = shirt("100.00")
    price_history(variant, ("80.00", 60), ("100.00", 10))
    sale(products=[variant.product], value="20", starts=0)

    price = quote(variant=variant, customer=None)

    assert price.displayed_unit == euros("80.00")
    assert price.is_reduced is False  # 80 € is the lowest of the last 30 days: nothing to strike
    assert price.displayed_reference is None


def test_the_reference_counts_from_the_start_of_the_sale_not_from_today():
    variant = shirt("100.00")
    # 85 € until 40 days ago; the sale began 15 days ago: 85 € was in force 30 days before it.
    price_history(variant, ("85.00", 100), ("100.00", 40))
    sale(products=[variant.product], value="30", starts=-15)

    price = quote(variant=variant, customer=None)

    assert (price.displayed_unit, price.displayed_reference) == (euros("70.00"), euros("85.00"))


def test_a_sale_applies_only_within_its_period_and_while_active():
    upcoming, ended, switched_off, running = (shirt() for _ in range(4))
    sale(products=[upcoming.product], starts=1, ends=8)
    sale(products=[ended.product], starts=-10, ends=-1)
    sale(products=[switched_off.product], is_active=False)
    sale(products=[running.product])

    assert quote(variant=upcoming, customer=None).displayed_unit == euros("100.00")
    assert quote(variant=ended, customer=None).displayed_unit == euros("100.00")
    assert quote(variant=switched_off, customer=None).displayed_unit == euros("100.00")
    on_sale = quote(variant=running, customer=None)
    assert on_sale.displayed_unit == euros("80.00")
    assert on_sale.displayed_reference == euros("100.00")  # no history: the price it always had
    assert on_sale.sale_ends_at is not None


def test_a_collection_sale_reduces_every_product_of_the_collection_and_no_other():
    summer = CollectionFactory()
    in_summer = VariantFactory(product=ProductFactory(retail_price=Decimal("95.00"), in_collections=[summer]))
    elsewhere = VariantFactory(product=ProductFactory(retail_price=Decimal("95.00")))
    sale(collections=[summer], value="30")

    assert quote(variant=in_summer, customer=None).displayed_unit == euros("66.50")
    assert quote(variant=elsewhere, customer=None).displayed_unit == euros("95.00")


def test_a_fixed_sale_price_lowers_dearer_pieces_only_and_the_lowest_of_two_sales_wins():
    summer = CollectionFactory()
    product = ProductFactory(retail_price=Decimal("95.00"), in_collections=[summer])
    regular = VariantFactory(product=product)
    cheap = VariantFactory(product=product, retail_price=Decimal("50.00"))
    sale(products=[product], kind=SaleKind.FIXED_PRICE, value="59.00")
    sale(collections=[summer], value="10")

    assert quote(variant=regular, customer=None).displayed_unit == euros("59.00")
    assert quote(variant=cheap, customer=None).displayed_unit == euros("45.00")  # 10 % beats 59 €


def test_the_card_shows_the_lowest_sale_price_and_its_reference():
    product = ProductFactory(retail_price=Decimal("100.00"))
    VariantFactory(product=product)
    VariantFactory(product=product, retail_price=Decimal("120.00"))
    sale(products=[product], value="25")
    policy = policy_for(customer=None)
    listed = policy.annotate_listing_prices(Product.objects.filter(pk=product.pk)).get()

    card = policy.listing_quote(product=listed)

    assert (card.displayed_unit, card.displayed_reference) == (euros("75.00"), euros("100.00"))
    assert card.is_from_price is True


def test_wholesale_prices_never_go_on_sale():
    from comptoir.pricing.models import PriceList
    from comptoir.pricing.wholesale import WholesalePolicy
    from tests.factories.resellers import CompanyFactory

    variant = shirt("120.00")
    sale(products=[variant.product], value="50")
    policy = WholesalePolicy(company=CompanyFactory(), price_list=PriceList.objects.create(name="Tarif"))
    price = policy.quote(variant=variant)
    assert price.unit.net == Money(Decimal("50.00"))  # 120 TTC / 1,2 / 2
    assert price.is_reduced is False


def test_a_page_of_products_on_sale_costs_the_same_queries_whatever_its_size(django_assert_num_queries):
    summer = CollectionFactory()
    products = [ProductFactory(in_collections=[summer]) for _ in range(12)]
    for product in products:
        VariantFactory(product=product)
    sale(collections=[summer])
    sale(products=products[:3], value="40")

    def page_cost(size: int) -> int:
        policy = policy_for(customer=None)
        page = list(
            policy.annotate_listing_prices(Product.objects.filter(pk__in=[p.pk for p in products[:size]]))
        )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            policy.prepare(products=page)
            cards = [policy.listing_quote(product=product) for product in page]
        assert all(card.is_reduced for card in cards)
        return len(captured.captured_queries)

    assert page_cost(2) == page_cost(12) == 5  # running sales, two links, variants, history


def test_recording_prices_keeps_only_changes():
    variant = shirt("100.00")
    product = variant.product

    assert record_retail_prices(product_ids=[product.pk]) == 1
    assert record_retail_prices(product_ids=[product.pk]) == 0
    product.retail_price = Decimal("110.00")
    product.save()
    assert record_retail_prices(product_ids=[product.pk]) == 1
    assert list(RetailPriceRecord.objects.filter(variant=variant).values_list("gross_price", flat=True)) == [
        Decimal("100.00"),
        Decimal("110.00"),
    ]


def test_the_migration_seeds_the_history_with_todays_prices():
    own = shirt("100.00", retail_price=Decimal("105.00"))
    inherited = shirt("90.00")
    migration = importlib.import_module("comptoir.pricing.migrations.0003_seed_retail_price_history")

    migration.seed_current_prices(apps, None)

    assert dict(RetailPriceRecord.objects.values_list("variant_id", "gross_price")) == {
        own.pk: Decimal("105.00"),
        inherited.pk: Decimal("90.00"),
    }


def test_a_sale_must_end_after_it_starts_and_a_percentage_stays_below_100():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        Sale(
            name="x", kind=SaleKind.PERCENTAGE, value=Decimal("100"), starts_at=now, ends_at=now
        ).full_clean()
    assert set(refused.value.message_dict) == {"ends_at", "value"}
