"""The demo shop's shipping: France (home, relay point, workshop pickup), the EU, the rest of the world.

Created once, when the shop has no zone at all; whatever the founder changes afterwards stays changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from comptoir.shipping.models import Carrier, ShippingMethod, ShippingZone, WeightBand

# Every member state of the European Union but France, which has its own zone.
EU_COUNTRIES_BUT_FRANCE = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip


@dataclass(frozen=True)
class _Method:
    carrier: Carrier
    name_fr: str
    name_en: str
    description_fr: str
    description_en: str
    bands: tuple[tuple[int, str], ...]  # (max weight in grams, price TTC)
    free_above: str | None = None


@dataclass(frozen=True)
class _Zone:
    name_fr: str
    name_en: str
    countries: tuple[str, ...]
    methods: tuple[_Method, ...]
    is_rest_of_world: bool = False


DEMO_ZONES = (
    _Zone(
        name_fr="France",
        name_en="France",
        countries=("FR", "MC"),
        methods=(
            _Method(
                carrier=Carrier.COLISSIMO,
                name_fr="Colissimo à domicile",
                name_en="Colissimo home delivery",
                description_fr="Livré chez vous en 48 h, contre signature.",
                description_en="Delivered to your door in 2 days, against signature.",
                bands=((500, "5.90"), (1000, "7.90"), (2000, "9.90"), (5000, "14.90")),
                free_above="150",
            ),
            _Method(
                carrier=Carrier.MONDIAL_RELAY,
                name_fr="Point relais Mondial Relay",
                name_en="Mondial Relay pickup point",
                description_fr="À retirer en point relais sous 3 à 5 jours.",
                description_en="Collect it at a pickup point within 3 to 5 days.",
                bands=((1000, "4.50"), (3000, "5.90"), (5000, "7.90")),
                free_above="100",
            ),
            _Method(
                carrier=Carrier.PICKUP,
                name_fr="Retrait à l'atelier (Paris 11e)",
                name_en="Collect at the workshop (Paris 11th)",
                description_fr="Gratuit, dès que nous vous prévenons que c'est prêt.",
                description_en="Free, as soon as we tell you it is ready.",
                bands=((30000, "0"),),
            ),
        ),
    ),
    _Zone(
        name_fr="Union européenne",
        name_en="European Union",
        countries=EU_COUNTRIES_BUT_FRANCE,
        methods=(
            _Method(
                carrier=Carrier.COLISSIMO,
                name_fr="Colissimo International",
                name_en="Colissimo International",
                description_fr="Livré chez vous en 3 à 6 jours, avec suivi.",
                description_en="Delivered to your door in 3 to 6 days, tracked.",
                bands=((1000, "13.90"), (2000, "16.90"), (5000, "24.90")),
                free_above="250",
            ),
        ),
    ),
    _Zone(
        name_fr="Reste du monde",
        name_en="Rest of the world",
        countries=(),
        is_rest_of_world=True,
        methods=(
            _Method(
                carrier=Carrier.COLISSIMO,
                name_fr="Colissimo International",
                name_en="Colissimo International",
                description_fr="Livré chez vous en 5 à 10 jours ; droits de douane à votre charge.",
                description_en="Delivered to your door in 5 to 10 days; import duties are yours to pay.",
                bands=((1000, "24.90"), (2000, "32.90"), (5000, "46.90")),
            ),
        ),
    ),
)


def ensure_demo_shipping() -> bool:
    """Create the demo zones, methods and bands if the shop has no zone; return whether it did."""
    with transaction.atomic():
        # Checked inside the transaction: on SQLite (IMMEDIATE) a second run waits for the first.
        if ShippingZone.objects.exists():
            return False
        for zone_position, zone_data in enumerate(DEMO_ZONES):
            zone = ShippingZone.objects.create(
                name_fr=zone_data.name_fr,
                name_en=zone_data.name_en,
                countries=",".join(zone_data.countries),
                is_rest_of_world=zone_data.is_rest_of_world,
                position=zone_position,
            )
            for method_position, method_data in enumerate(zone_data.methods):
                method = ShippingMethod.objects.create(
                    zone=zone,
                    carrier=method_data.carrier,
                    name_fr=method_data.name_fr,
                    name_en=method_data.name_en,
                    description_fr=method_data.description_fr,
                    description_en=method_data.description_en,
                    free_above=Decimal(method_data.free_above) if method_data.free_above else None,
                    position=method_position,
                )
                WeightBand.objects.bulk_create(
                    WeightBand(method=method, max_weight_grams=grams, price=Decimal(price))
                    for grams, price in method_data.bands
                )
    return True
