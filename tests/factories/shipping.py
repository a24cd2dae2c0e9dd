"""Shipping zones, methods and weight bands for tests that need other figures than the demo's."""

from __future__ import annotations

from decimal import Decimal

import factory

from comptoir.shipping.models import Carrier, ShippingMethod, ShippingZone, WeightBand


class ShippingZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShippingZone

    name_fr = factory.Sequence(lambda n: f"Zone {n}")
    name_en = factory.Sequence(lambda n: f"Zone EN {n}")
    countries = "FR"
    position = factory.Sequence(lambda n: n)


class ShippingMethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShippingMethod

    zone = factory.SubFactory(ShippingZoneFactory)
    name_fr = factory.Sequence(lambda n: f"Livraison {n}")
    name_en = factory.Sequence(lambda n: f"Delivery {n}")
    carrier = Carrier.COLISSIMO
    position = factory.Sequence(lambda n: n)


class WeightBandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeightBand

    method = factory.SubFactory(ShippingMethodFactory)
    max_weight_grams = 1000
    price = Decimal("6.90")
