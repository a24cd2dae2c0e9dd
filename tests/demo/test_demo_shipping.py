"""The demo shop ships to France, the EU and the rest of the world, and keeps the founder's changes."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.shipping.models import ShippingMethod, ShippingZone, WeightBand

pytestmark = pytest.mark.django_db

EU_MEMBERS = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip


def counts() -> tuple[int, int, int]:
    return ShippingZone.objects.count(), ShippingMethod.objects.count(), WeightBand.objects.count()


def test_the_demo_zones_cover_france_every_other_eu_member_and_the_rest_of_the_world():
    assert ensure_demo_shipping() is True

    france, europe, world = ShippingZone.objects.order_by("position")
    assert [country.code for country in france.countries] == ["FR", "MC"]
    assert {country.code for country in europe.countries} == EU_MEMBERS - {"FR"}
    assert (world.is_rest_of_world, list(world.countries)) == (True, [])
    assert counts() == (3, 5, 14)


def test_running_it_again_changes_nothing_and_keeps_the_founders_prices():
    ensure_demo_shipping()
    band = WeightBand.objects.get(method__name_fr="Colissimo à domicile", max_weight_grams=500)
    band.price = Decimal("6.50")
    band.save()
    before = counts()

    assert ensure_demo_shipping() is False

    assert counts() == before
    band.refresh_from_db()
    assert band.price == Decimal("6.50")


def test_the_demo_command_sets_up_shipping_once_and_says_so():
    first, second = StringIO(), StringIO()

    call_command("demo_shop", "--without-images", stdout=first)
    call_command("demo_shop", "--without-images", stdout=second)

    assert "Livraison créée : France, Union européenne et reste du monde." in first.getvalue()
    assert "Zones de livraison existantes conservées" in second.getvalue()
    assert counts() == (3, 5, 14)
