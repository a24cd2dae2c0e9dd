"""The parcel leaves: the reserved pieces leave the shelf for good."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from comptoir.accounts.models import User

from ..models import MovementReason, StockRecord
from ..movements import record_movements
from ..stock_lines import StockLine, StockMoveRefused, merged_lines


def consume_stock(*, lines: Iterable[StockLine], reference: str = "", actor: User | None = None) -> None:
    """Lower both ``on_hand`` and ``reserved`` by each line's quantity, in variant-id order; all or none.

    Each line is written to the stock's history as a shipment of ``reference`` (the order number).
    """
    with transaction.atomic():
        merged = merged_lines(lines)
        for line in merged:
            updated = StockRecord.objects.filter(
                variant_id=line.variant_id, reserved__gte=line.quantity, on_hand__gte=line.quantity
            ).update(on_hand=F("on_hand") - line.quantity, reserved=F("reserved") - line.quantity)
            if updated == 0:
                raise StockMoveRefused(
                    f"Cannot ship {line.quantity} of variant {line.variant_id}: not that many reserved."
                )
        record_movements(
            changes=[(line.variant_id, -line.quantity) for line in merged],
            reason=MovementReason.SHIPPED,
            reference=reference,
            actor=actor,
        )
