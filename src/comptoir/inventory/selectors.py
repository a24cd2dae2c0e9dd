"""Reads of stock: what a customer may still buy."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F

from .models import StockRecord

# For annotations over variants (``Sum(AVAILABLE_VIA_VARIANTS)`` on products and the like).
AVAILABLE = F("on_hand") - F("reserved")


def available_quantities(*, variant_ids: Iterable[int]) -> dict[int, int]:
    """Available pieces per variant id (0 for a variant without a stock record), in one query."""
    wanted = set(variant_ids)
    found = dict(
        StockRecord.objects.filter(variant_id__in=wanted)
        .annotate(available_now=AVAILABLE)
        .values_list("variant_id", "available_now")
    )
    return {variant_id: max(found.get(variant_id, 0), 0) for variant_id in wanted}
