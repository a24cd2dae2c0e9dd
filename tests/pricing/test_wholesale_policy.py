from decimal import Decimal

import pytest

from comptoir.catalog.models import Product
from comptoir.core.money import Money
from comptoir.pricing.models import Rounding
from comptoir.pricing.policy import RetailPolicy, WholesalePolicy, policy_for
from comptoir.resellers.errors import NoWholesaleAccess
from comptoir.resellers.selectors import wholesale_policy_for
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.resellers import (
    BuyerFactory,
    CompanyFactory,
    PriceGroupFactory,
    PriceListFactory,
    PriceListItemFactory,
    VolumeTierFactory,
)

pytestmark = pytest.mark.django_db


def wholesale(company=None, **list_fields):
    PriceListFactory(**list_fields)
    return WholesalePolicy(company=company or CompanyFactory())


def test_without_an_item_the_price_is_retail_ht_divided_by_the_coefficient():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    price = wholesale(coefficient=Decimal("2.2")).quote(variant=variant, quantity=3)
    # 120 / 1.2 = 100 HT; / 2.2 = 45.4545… → 45.45 to the cent
    assert price.prices_include_tax is False
    assert price.unit.net == Money(Decimal("45.45"))
    assert price.displayed_unit == Money(Decimal("45.45"))
    assert price.displayed_total == Money(Decimal("136.35"))


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [
        (Rounding.CENT, "45.45"),
        (Rounding.TEN_CENTS, "45.50"),
        (Rounding.FIFTY_CENTS, "45.50"),
        (Rounding.EURO, "45.00"),
    ],
)
def test_each_rounding_rule(rounding, expected):
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    price = wholesale(coefficient=Decimal("2.2"), rounding=rounding).quote(variant=variant)
    assert price.unit.net == Money(Decimal(expected))


def test_rounding_to_fifty_cents_and_to_the_euro_go_to_the_nearest_step():
    # 95 TTC / 1.2 / 2 = 39.5833…
    variant = VariantFactory(product__retail_price=Decimal("95.00"))
    assert wholesale(rounding=Rounding.FIFTY_CENTS).quote(variant=variant).unit.net == Money(Decimal("39.50"))
    variant = VariantFactory(product__retail_price=Decimal("95.00"))
    policy = WholesalePolicy(company=CompanyFactory())
    policy.price_list.rounding = Rounding.EURO
    assert policy.quote(variant=variant).unit.net == Money(Decimal("40.00"))


def test_the_variant_retail_price_is_the_base_when_it_has_one():
    variant = VariantFactory(product__retail_price=Decimal("120.00"), retail_price=Decimal("132.00"))
    assert wholesale().quote(variant=variant).unit.net == Money(Decimal("55.00"))


def test_an_explicit_list_item_wins_over_the_coefficient():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    policy = wholesale(coefficient=Decimal("2.2"))
    PriceListItemFactory(price_list=policy.price_list, variant=variant, net_price=Decimal("41.90"))
    assert policy.quote(variant=variant).unit.net == Money(Decimal("41.90"))


def test_a_group_list_overrides_the_default_list():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    default = PriceListFactory(coefficient=Decimal("2.0"))
    PriceListItemFactory(price_list=default, variant=variant, net_price=Decimal("49.00"))
    group = PriceGroupFactory(name="Partenaires premium")
    PriceListFactory(price_group=group, coefficient=Decimal("2.5"))
    premium = WholesalePolicy(company=CompanyFactory(price_group=group))
    ordinary = WholesalePolicy(company=CompanyFactory())
    assert premium.quote(variant=variant).unit.net == Money(Decimal("40.00"))
    assert ordinary.quote(variant=variant).unit.net == Money(Decimal("49.00"))


def test_a_group_without_a_list_buys_from_the_default_list():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    PriceListFactory(coefficient=Decimal("2.0"))
    policy = WholesalePolicy(company=CompanyFactory(price_group=PriceGroupFactory()))
    assert policy.quote(variant=variant).unit.net == Money(Decimal("50.00"))


def test_the_best_volume_tier_reached_applies():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    policy = wholesale(coefficient=Decimal("2.0"))  # 50.00 HT
    VolumeTierFactory(price_list=policy.price_list, min_quantity=24, discount_percent=Decimal("5"))
    VolumeTierFactory(price_list=policy.price_list, min_quantity=60, discount_percent=Decimal("8"))
    assert policy.quote(variant=variant, quantity=23).unit.net == Money(Decimal("50.00"))
    assert policy.quote(variant=variant, quantity=24).unit.net == Money(Decimal("47.50"))
    assert policy.quote(variant=variant, quantity=60).unit.net == Money(Decimal("46.00"))
    assert policy.quote(variant=variant, quantity=60).displayed_total == Money(Decimal("2760.00"))


def test_a_product_tier_applies_to_its_product_only_and_competes_with_list_wide_tiers():
    shirt = VariantFactory(product__retail_price=Decimal("120.00"))
    other = VariantFactory(product__retail_price=Decimal("120.00"))
    policy = wholesale(coefficient=Decimal("2.0"))
    VolumeTierFactory(
        price_list=policy.price_list, product=shirt.product, min_quantity=12, discount_percent=10
    )
    VolumeTierFactory(price_list=policy.price_list, min_quantity=12, discount_percent=Decimal("3"))
    assert policy.quote(variant=shirt, quantity=12).unit.net == Money(Decimal("45.00"))
    assert policy.quote(variant=other, quantity=12).unit.net == Money(Decimal("48.50"))


def test_the_size_run_quantity_reaches_the_tier():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    policy = wholesale(coefficient=Decimal("2.0"))
    VolumeTierFactory(price_list=policy.price_list, min_quantity=24, discount_percent=Decimal("5"))
    price = policy.quote(variant=variant, quantity=4, tier_quantity=24)
    assert price.unit.net == Money(Decimal("47.50"))
    assert price.quantity == 4


def test_a_french_company_pays_20_percent_vat():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    price = wholesale(company=CompanyFactory(country="FR")).quote(variant=variant, quantity=2)
    assert price.vat_rate == Decimal("0.2000")
    assert price.unit.net == Money(Decimal("50.00"))
    assert price.unit.gross == Money(Decimal("60.00"))
    assert price.total.tax == Money(Decimal("20.00"))


def test_an_eu_company_with_a_valid_vat_number_buys_without_vat():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    company = CompanyFactory(country="DE", vat_number="DE136695976")
    price = wholesale(company=company).quote(variant=variant, quantity=2)
    assert price.vat_rate == Decimal("0")
    assert price.unit.gross == Money(Decimal("50.00"))
    assert price.total.tax == Money(Decimal("0.00"))


def test_an_eu_company_without_a_valid_vat_number_pays_french_vat():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    company = CompanyFactory(country="BE", vat_number="")
    assert wholesale(company=company).quote(variant=variant).vat_rate == Decimal("0.2000")


def test_an_export_outside_the_eu_is_without_vat():
    variant = VariantFactory(product__retail_price=Decimal("120.00"))
    company = CompanyFactory(country="CH", vat_number="")
    price = wholesale(company=company).quote(variant=variant)
    assert price.vat_rate == Decimal("0")
    assert price.unit.gross == Money(Decimal("50.00"))


def test_the_listing_quote_is_the_lowest_active_variant_price_ht():
    product = ProductFactory(retail_price=Decimal("120.00"))
    VariantFactory(product=product)
    VariantFactory(product=product, retail_price=Decimal("144.00"))
    VariantFactory(product=product, retail_price=Decimal("60.00"), is_active=False)
    policy = wholesale()
    listed = policy.annotate_listing_prices(Product.objects.filter(pk=product.pk)).get()
    card = policy.listing_quote(product=listed)
    assert card.displayed_unit == Money(Decimal("50.00"))
    assert card.is_from_price is True
    assert card.prices_include_tax is False


def test_the_boutique_is_retail_even_for_a_buyer():
    PriceListFactory()
    buyer = BuyerFactory()
    assert isinstance(policy_for(customer=buyer.user), RetailPolicy)


def test_the_reseller_space_answers_a_buyer_with_the_company_policy():
    PriceListFactory()
    buyer = BuyerFactory()
    policy = wholesale_policy_for(user=buyer.user)
    assert isinstance(policy, WholesalePolicy)
    assert policy.company == buyer.company


@pytest.mark.parametrize("who", ["anonymous", "consumer", "inactive_company"])
def test_the_reseller_space_refuses_anyone_else(who):
    PriceListFactory()
    customer = {
        "anonymous": lambda: None,
        "consumer": UserFactory,
        "inactive_company": lambda: BuyerFactory(company__is_active=False).user,
    }[who]()
    with pytest.raises(NoWholesaleAccess):
        wholesale_policy_for(user=customer)
