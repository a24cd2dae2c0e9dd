"""The demo shop ships its shirts to France, the EU and the rest of the world, and keeps the founder's
changes."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from comptoir.catalog.models import Variant
from comptoir.core.money import Money
from comptoir.demo.services.build_catalogue import build_demo_shop
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.shipping.models import WeightBand
from comptoir.shipping.selectors import shipping_options

pytestmark = pytest.mark.django_db


@pytest.fixture
def oxford():
    """The white Oxford shirt in collar 40, 95 € TTC, as the demo builds it."""
    build_demo_shop(with_images=False)
    return Variant.objects.get(sku="ML-OXF-BLA-40")


def offered(*, country: str, shirts: int, variant: Variant) -> list[tuple[str, str]]:
    options = shipping_options(
        country=country,
        weight_grams=variant.weight_grams * shirts,
        subtotal_gross=Money(variant.product.retail_price * shirts),
    )
    with translation.override("fr"):
        return [(str(option.method.name), str(option.price.gross)) for option in options]


def test_one_shirt_to_paris_goes_by_colissimo_relay_point_or_workshop_at_the_demo_prices(oxford):
    assert ensure_demo_shipping() is True

    assert offered(country="FR", shirts=1, variant=oxford) == [
        ("Colissimo à domicile", "5.90 EUR"),
        ("Point relais Mondial Relay", "4.50 EUR"),
        ("Retrait à l'atelier (Paris 11e)", "0.00 EUR"),
    ]


def test_two_shirts_in_france_pass_the_150_euro_threshold_and_ship_free(oxford):
    ensure_demo_shipping()

    assert offered(country="FR", shirts=2, variant=oxford)[:2] == [
        ("Colissimo à domicile", "0.00 EUR"),  # 190 € ≥ 150 €
        ("Point relais Mondial Relay", "0.00 EUR"),  # 190 € ≥ 100 €
    ]


def test_belgium_pays_the_eu_price_and_japan_the_rest_of_the_world_price(oxford):
    ensure_demo_shipping()

    assert offered(country="BE", shirts=1, variant=oxford) == [("Colissimo International", "13.90 EUR")]
    assert offered(country="DE", shirts=3, variant=oxford) == [("Colissimo International", "0.00 EUR")]
    assert offered(country="JP", shirts=1, variant=oxford) == [("Colissimo International", "24.90 EUR")]
    assert offered(country="JP", shirts=4, variant=oxford) == [("Colissimo International", "32.90 EUR")]


def test_running_it_again_changes_nothing_and_keeps_the_founders_prices(oxford):
    ensure_demo_shipping()
    band = WeightBand.objects.get(method__name_fr="Colissimo à domicile", max_weight_grams=500)
    band.price = Decimal("6.50")
    band.save()

    assert ensure_demo_shipping() is False

    assert offered(country="FR", shirts=1, variant=oxford)[0] == ("Colissimo à domicile", "6.50 EUR")
    assert offered(country="BE", shirts=1, variant=oxford) == [("Colissimo International", "13.90 EUR")]


def test_the_demo_command_sets_up_shipping_once_and_says_so():
    first, second = StringIO(), StringIO()

    call_command("demo_shop", "--without-images", stdout=first)
    call_command("demo_shop", "--without-images", stdout=second)

    assert "Livraison créée : France, Union européenne et reste du monde." in first.getvalue()
    assert "Zones de livraison existantes conservées" in second.getvalue()
    oxford = Variant.objects.get(sku="ML-OXF-BLA-40")
    assert offered(country="FR", shirts=1, variant=oxford)[0] == ("Colissimo à domicile", "5.90 EUR")
