"""Returned pieces, checked and accepted, go back on the shelf."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from ..models import StockRecord
from ..stock_lines import StockLine, merged_lines


def restock(*, lines: Iterable[StockLine]) -> None:
    """Raise ``on_hand`` by each line's quantity, in variant-id order (creates missing records)."""
    with transaction.atomic():
        for line in merged_lines(lines):
            updated = StockRecord.objects.filter(variant_id=line.variant_id).update(
                on_hand=F("on_hand") + line.quantity
            )
            if updated == 0:
                StockRecord.objects.create(variant_id=line.variant_id, on_hand=line.quantity)
