"""The parcel leaves: the reserved pieces leave the shelf for good."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from ..models import StockRecord
from ..stock_lines import StockLine, StockMoveRefused, merged_lines


def consume_stock(*, lines: Iterable[StockLine]) -> None:
    """Lower both ``on_hand`` and ``reserved`` by each line's quantity, in variant-id order; all or none."""
    with transaction.atomic():
        for line in merged_lines(lines):
            updated = StockRecord.objects.filter(
                variant_id=line.variant_id, reserved__gte=line.quantity, on_hand__gte=line.quantity
            ).update(on_hand=F("on_hand") - line.quantity, reserved=F("reserved") - line.quantity)
            if updated == 0:
                raise StockMoveRefused(
                    f"Cannot ship {line.quantity} of variant {line.variant_id}: not that many reserved."
                )
