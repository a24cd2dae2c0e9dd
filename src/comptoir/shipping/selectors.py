"""Which shipping methods serve a parcel, and at what price.

A country belongs to the zone that lists it, else to the rest-of-world zone. A method is offered
when it is active and one of its weight bands holds the parcel: the smallest such band sets the price,
unless the cart's subtotal (TTC) reaches the method's free-shipping threshold.
Three queries whatever the number of zones and methods: the zones, the methods, their bands.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from comptoir.core.money import Money, TaxedMoney

from .models import ShippingMethod, ShippingZone, WeightBand


@dataclass(frozen=True, slots=True)
class ShippingOption:
    method: ShippingMethod
    price: TaxedMoney  # VAT included, zero when shipping is free
    vat_rate: Decimal
    is_free: bool
    requires_pickup_point: bool


def shipping_options(*, country: str, weight_grams: int, subtotal_gross: Money) -> list[ShippingOption]:
    """The methods a customer can choose for a parcel to ``country``, in the founder's order."""
    zone = _zone_for(country=country)
    if zone is None:
        return []
    options = (
        _priced(method=method, weight_grams=weight_grams, subtotal_gross=subtotal_gross)
        for method in _offered_methods(zone=zone)
    )
    return [option for option in options if option is not None]


def shipping_option(
    *, method_id: int, country: str, weight_grams: int, subtotal_gross: Money
) -> ShippingOption | None:
    """One method priced for this parcel, or None when it does not serve this country or weight.

    The checkout calls it on the posted choice: what a page showed earlier is never trusted.
    """
    zone = _zone_for(country=country)
    if zone is None:
        return None
    method = _offered_methods(zone=zone).filter(pk=method_id).first()
    if method is None:
        return None
    return _priced(method=method, weight_grams=weight_grams, subtotal_gross=subtotal_gross)


def ships_to(*, country: str) -> bool:
    """Whether any active method serves ``country`` (whatever the parcel weighs)."""
    zone = _zone_for(country=country)
    return zone is not None and zone.methods.filter(is_active=True).exists()


def _zone_for(*, country: str) -> ShippingZone | None:
    code = country.strip().upper()
    if not code:
        return None
    # A handful of rows: read them all once rather than match codes inside a comma-separated column.
    zones = list(ShippingZone.objects.order_by("position", "id"))
    for zone in zones:
        if code in zone.country_codes:
            return zone
    return next((zone for zone in zones if zone.is_rest_of_world), None)


def _offered_methods(*, zone: ShippingZone) -> QuerySet[ShippingMethod]:
    return (
        ShippingMethod.objects.filter(zone=zone, is_active=True)
        .order_by("position", "id")
        .prefetch_related(Prefetch("bands", queryset=WeightBand.objects.order_by("max_weight_grams")))
    )


def _priced(*, method: ShippingMethod, weight_grams: int, subtotal_gross: Money) -> ShippingOption | None:
    band = next((band for band in method.bands.all() if band.max_weight_grams >= weight_grams), None)
    if band is None:
        return None  # heavier than the method carries
    is_free = method.free_above is not None and subtotal_gross >= Money(method.free_above)
    price = (
        TaxedMoney.zero(subtotal_gross.currency)
        if is_free
        else TaxedMoney.from_gross(Money(band.price), vat_rate=method.vat_rate)
    )
    return ShippingOption(
        method=method,
        price=price,
        vat_rate=method.vat_rate,
        is_free=is_free,
        requires_pickup_point=method.requires_pickup_point,
    )


def delivery_grid() -> QuerySet[ShippingZone]:
    """Every zone with its methods (offered or not) and their weight bands: the setup's delivery step."""
    return ShippingZone.objects.order_by("position", "id").prefetch_related(
        Prefetch(
            "methods",
            queryset=ShippingMethod.objects.order_by("position", "id").prefetch_related(
                Prefetch("bands", queryset=WeightBand.objects.order_by("max_weight_grams"))
            ),
        )
    )


def has_delivery_rate() -> bool:
    """Whether checkout can offer any delivery at all: one offered method with one priced band."""
    return WeightBand.objects.filter(method__is_active=True).exists()
