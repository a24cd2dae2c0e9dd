"""What a customer is offered at checkout: which methods serve the address, and what each costs."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from comptoir.checkout.services.place_order import shipping_choice
from comptoir.core.money import Money, TaxedMoney
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.shipping.models import Carrier, ShippingMethod, ShippingZone
from comptoir.shipping.selectors import ShippingOption, shipping_option, shipping_options, ships_to
from tests.factories.shipping import ShippingMethodFactory, ShippingZoneFactory, WeightBandFactory

pytestmark = pytest.mark.django_db

SMALL_CART = Money(Decimal("60.00"))
HOME = "Colissimo à domicile"
RELAY = "Point relais Mondial Relay"
WORKSHOP = "Retrait à l'atelier (Paris 11e)"


@pytest.fixture(autouse=True)
def demo_shipping():
    ensure_demo_shipping()


def offered(options: list[ShippingOption]) -> list[tuple[str, str]]:
    with translation.override("fr"):
        return [(str(option.method.name), str(option.price.gross)) for option in options]


def method_named(name: str) -> ShippingMethod:
    return ShippingMethod.objects.get(name_fr=name)


def offer_of(method: ShippingMethod, *, country: str, weight_grams: int) -> ShippingOption | None:
    return shipping_option(
        method_id=method.pk, country=country, weight_grams=weight_grams, subtotal_gross=SMALL_CART
    )


def test_a_french_address_gets_home_delivery_relay_point_and_workshop_pickup_priced_by_weight():
    options = shipping_options(country="FR", weight_grams=800, subtotal_gross=SMALL_CART)

    assert offered(options) == [(HOME, "7.90 EUR"), (RELAY, "4.50 EUR"), (WORKSHOP, "0.00 EUR")]
    assert [option.requires_pickup_point for option in options] == [False, True, False]
    assert [option.is_free for option in options] == [False, False, False]
    home = options[0]
    assert home.price == TaxedMoney(net=Money(Decimal("6.58")), gross=Money(Decimal("7.90")))
    assert home.vat_rate == Decimal("0.20")
    assert home.method.carrier == Carrier.COLISSIMO


def test_monaco_is_served_like_france():
    options = shipping_options(country="MC", weight_grams=800, subtotal_gross=SMALL_CART)

    assert offered(options) == [(HOME, "7.90 EUR"), (RELAY, "4.50 EUR"), (WORKSHOP, "0.00 EUR")]


@pytest.mark.parametrize(
    ("weight_grams", "home_price"),
    [(0, "5.90 EUR"), (500, "5.90 EUR"), (501, "7.90 EUR"), (2000, "9.90 EUR"), (5000, "14.90 EUR")],
)
def test_a_parcel_pays_the_smallest_band_that_holds_it(weight_grams, home_price):
    options = shipping_options(country="FR", weight_grams=weight_grams, subtotal_gross=SMALL_CART)

    assert offered(options)[0] == (HOME, home_price)


def test_home_delivery_is_free_from_150_euros_and_not_one_cent_below():
    below = shipping_options(country="FR", weight_grams=800, subtotal_gross=Money(Decimal("149.99")))
    at_threshold = shipping_options(country="FR", weight_grams=800, subtotal_gross=Money(Decimal("150.00")))

    assert offered(below)[0] == (HOME, "7.90 EUR")
    assert below[0].is_free is False
    assert offered(at_threshold)[0] == (HOME, "0.00 EUR")
    assert at_threshold[0].is_free is True
    assert at_threshold[0].price == TaxedMoney.zero()


def test_the_relay_point_is_free_from_100_euros():
    below = shipping_options(country="FR", weight_grams=800, subtotal_gross=Money(Decimal("99.99")))
    at_threshold = shipping_options(country="FR", weight_grams=800, subtotal_gross=Money(Decimal("100.00")))

    assert offered(below)[1] == (RELAY, "4.50 EUR")
    assert offered(at_threshold)[1] == (RELAY, "0.00 EUR")
    assert at_threshold[1].is_free is True
    assert at_threshold[0].is_free is False  # home delivery waits for 150 €


def test_a_german_address_gets_colissimo_international_at_the_eu_price():
    options = shipping_options(country="DE", weight_grams=1500, subtotal_gross=SMALL_CART)
    free = shipping_options(country="DE", weight_grams=1500, subtotal_gross=Money(Decimal("250.00")))

    assert offered(options) == [("Colissimo International", "16.90 EUR")]
    assert offered(free) == [("Colissimo International", "0.00 EUR")]


def test_a_japanese_address_gets_the_rest_of_the_world_price_and_never_free_shipping():
    options = shipping_options(country="JP", weight_grams=800, subtotal_gross=Money(Decimal("1000.00")))

    assert offered(options) == [("Colissimo International", "24.90 EUR")]
    assert options[0].is_free is False
    assert options[0].method.zone.is_rest_of_world


def test_a_country_code_is_read_whatever_its_case():
    assert offered(shipping_options(country="jp", weight_grams=800, subtotal_gross=SMALL_CART)) == [
        ("Colissimo International", "24.90 EUR")
    ]


def test_a_parcel_heavier_than_every_band_of_a_method_leaves_that_method_out():
    options = shipping_options(country="FR", weight_grams=6000, subtotal_gross=SMALL_CART)
    too_heavy_for_all = shipping_options(country="FR", weight_grams=30001, subtotal_gross=SMALL_CART)

    assert offered(options) == [(WORKSHOP, "0.00 EUR")]
    assert too_heavy_for_all == []


def test_a_method_the_founder_switched_off_is_not_offered():
    relay = method_named(RELAY)
    relay.is_active = False
    relay.save()

    options = shipping_options(country="FR", weight_grams=800, subtotal_gross=SMALL_CART)

    assert offered(options) == [(HOME, "7.90 EUR"), (WORKSHOP, "0.00 EUR")]
    assert offer_of(relay, country="FR", weight_grams=800) is None


def test_a_posted_method_is_priced_again_for_the_address_it_serves():
    relay = method_named(RELAY)

    option = shipping_option(method_id=relay.pk, country="FR", weight_grams=2500, subtotal_gross=SMALL_CART)

    assert option is not None
    assert option.method == relay
    assert option.price.gross == Money(Decimal("5.90"))
    assert option.requires_pickup_point is True


def test_a_posted_method_of_another_zone_is_refused():
    europe = ShippingMethod.objects.get(zone__name_fr="Union européenne")
    home = method_named(HOME)

    assert offer_of(europe, country="FR", weight_grams=800) is None
    assert offer_of(home, country="DE", weight_grams=800) is None
    assert offer_of(home, country="JP", weight_grams=800) is None
    assert offer_of(europe, country="DE", weight_grams=800) is not None


def test_a_posted_method_too_small_for_the_parcel_is_refused():
    relay = method_named(RELAY)

    assert offer_of(relay, country="FR", weight_grams=5001) is None


def test_the_chosen_option_is_what_the_order_freezes():
    option = shipping_options(country="FR", weight_grams=800, subtotal_gross=SMALL_CART)[0]

    with translation.override("fr"):
        choice = shipping_choice(option)

    assert (choice.name, choice.carrier, choice.vat_rate) == (HOME, "colissimo", Decimal("0.20"))
    assert choice.price == TaxedMoney(net=Money(Decimal("6.58")), gross=Money(Decimal("7.90")))


def test_an_english_customer_reads_the_methods_in_english():
    options = shipping_options(country="FR", weight_grams=800, subtotal_gross=SMALL_CART)

    with translation.override("en"):
        assert [option.method.name for option in options] == [
            "Colissimo home delivery",
            "Mondial Relay pickup point",
            "Collect at the workshop (Paris 11th)",
        ]
        assert options[0].method.description == "Delivered to your door in 2 days, against signature."


def test_the_number_of_queries_does_not_grow_with_the_number_of_methods(django_assert_max_num_queries):
    france = ShippingZone.objects.get(name_fr="France")
    for position in range(10):
        WeightBandFactory(method=ShippingMethodFactory(zone=france, position=10 + position))

    with django_assert_max_num_queries(3):
        options = shipping_options(country="FR", weight_grams=800, subtotal_gross=SMALL_CART)
        offered(options)

    assert len(options) == 13


def test_without_a_rest_of_the_world_zone_a_far_country_is_not_served():
    ShippingZone.objects.filter(is_rest_of_world=True).delete()

    assert shipping_options(country="JP", weight_grams=800, subtotal_gross=SMALL_CART) == []
    assert ships_to(country="JP") is False
    assert ships_to(country="DE") is True


def test_a_country_whose_methods_are_all_switched_off_is_not_served():
    ShippingMethod.objects.filter(zone__name_fr="Union européenne").update(is_active=False)

    assert ships_to(country="IT") is False
    assert ships_to(country="FR") is True


def test_a_country_cannot_sit_in_two_zones():
    zone = ShippingZoneFactory.build(name_fr="Voisins", countries=["CH", "BE"])

    with pytest.raises(ValidationError) as error:
        zone.full_clean()

    assert "BE figure déjà dans la zone « Union européenne »." in error.value.message_dict["countries"]


def test_only_one_zone_can_serve_the_rest_of_the_world():
    zone = ShippingZoneFactory.build(name_fr="Ailleurs", countries=[], is_rest_of_world=True)

    with pytest.raises(ValidationError) as error:
        zone.full_clean()

    assert "Une seule zone peut servir le reste du monde." in error.value.messages
