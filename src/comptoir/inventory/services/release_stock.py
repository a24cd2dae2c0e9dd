"""Give back what an order held: it was cancelled, refunded before shipping, or never paid."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from ..models import StockRecord
from ..shop_pages import retire_pages_if_availability_moved
from ..stock_lines import StockLine, StockMoveRefused, merged_lines


def release_stock(*, lines: Iterable[StockLine]) -> None:
    """Lower ``reserved`` by each line's quantity, in variant-id order; all lines or none.

    A line whose variant holds fewer reserved pieces than asked means the books are already wrong:
    we refuse (``StockMoveRefused``) rather than hide it, and change nothing.
    """
    merged = merged_lines(lines)
    with transaction.atomic():
        for line in merged:
            updated = StockRecord.objects.filter(
                variant_id=line.variant_id, reserved__gte=line.quantity
            ).update(reserved=F("reserved") - line.quantity)
            if updated == 0:
                raise StockMoveRefused(
                    f"Cannot release {line.quantity} of variant {line.variant_id}: not that many reserved."
                )
        retire_pages_if_availability_moved(lines=merged, available_change_sign=+1)
