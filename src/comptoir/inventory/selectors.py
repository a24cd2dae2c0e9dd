"""Reads of stock: what a customer may still buy."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from comptoir.catalog.models import ProductStatus

from .models import StockMovement, StockRecord, available_stock


def available_quantities(*, variant_ids: Iterable[int]) -> dict[int, int]:
    """Available pieces per variant id (0 for a variant without a stock record), in one query."""
    wanted = set(variant_ids)
    found = dict(
        StockRecord.objects.filter(variant_id__in=wanted)
        .annotate(available_now=available_stock())
        .values_list("variant_id", "available_now")
    )
    return {variant_id: max(found.get(variant_id, 0), 0) for variant_id in wanted}


class StockFilter:
    ALL = "all"
    LOW = "low"
    SOLD_OUT = "sold_out"


def stock_records(*, query: str = "", state: str = StockFilter.ALL) -> QuerySet[StockRecord]:
    """The stock table of the cockpit: every variant on sale of a product not archived, by shelf then SKU.

    ``state`` keeps only low stock (available at or under its threshold, sold out included) or sold out.
    """
    records = (
        StockRecord.objects.filter(variant__is_active=True)
        .exclude(variant__product__status=ProductStatus.ARCHIVED)
        .select_related("variant__product", "variant__size", "variant__colour", "variant__fit")
        .annotate(available_now=available_stock())
        .order_by("location", "variant__sku")
    )
    if query := query.strip():
        records = records.filter(
            Q(variant__sku__icontains=query)
            | Q(variant__ean13=query)
            | Q(variant__product__name__icontains=query)
            | Q(location__iexact=query)
        )
    if state == StockFilter.LOW:
        records = records.filter(available_now__lte=F("low_stock_threshold"))
    elif state == StockFilter.SOLD_OUT:
        records = records.filter(available_now__lte=0)
    return records


def low_stock_records() -> QuerySet[StockRecord]:
    """Variants on sale whose available quantity is at or under their threshold, lowest first."""
    return stock_records(state=StockFilter.LOW).order_by(available_stock().asc(), "variant__sku")


def movements_of(*, variant_id: int, limit: int = 50) -> list[StockMovement]:
    return list(StockMovement.objects.filter(variant_id=variant_id).select_related("actor")[:limit])
