"""Stock moves retire the boutique's cached pages only when what they show changes.

Pages show a variant's availability (in stock, low, sold out) and, when low, how many pieces are left
(« Plus que 2 pièces »): a reservation that leaves a shirt plainly « disponible » changes no page, so
busy days keep their cache. The counters are read back after the conditional UPDATE, inside the same
transaction, and the state before is the state after minus our own move.
"""

from __future__ import annotations

from comptoir.core.page_cache import shop_pages_changed

from .models import Availability, StockRecord, availability_for
from .stock_lines import StockLine


def retire_pages_if_availability_moved(*, lines: list[StockLine], available_change_sign: int) -> None:
    """``available_change_sign``: +1 when the lines made more pieces available, -1 when fewer."""
    moved = {line.variant_id: line.quantity * available_change_sign for line in lines}
    records = StockRecord.objects.filter(variant_id__in=moved).only(
        "variant_id", "on_hand", "reserved", "low_stock_threshold"
    )
    for record in records:
        after = record.available
        before = after - moved[record.variant_id]
        shown = {
            availability_for(available=count, low_stock_threshold=record.low_stock_threshold)
            for count in (before, after)
        }
        if shown != {Availability.IN_STOCK}:
            shop_pages_changed()
            return
