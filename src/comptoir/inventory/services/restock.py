"""Returned pieces, checked and accepted, go back on the shelf."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from comptoir.accounts.models import User

from ..models import MovementReason, StockRecord
from ..movements import record_movements
from ..shop_pages import retire_pages_if_availability_moved
from ..stock_lines import StockLine, merged_lines


def restock(
    *,
    lines: Iterable[StockLine],
    reason: MovementReason = MovementReason.RETURNED,
    reference: str = "",
    actor: User | None = None,
) -> None:
    """Raise ``on_hand`` by each line's quantity, in variant-id order (creates missing records)."""
    merged = merged_lines(lines)
    with transaction.atomic():
        for line in merged:
            updated = StockRecord.objects.filter(variant_id=line.variant_id).update(
                on_hand=F("on_hand") + line.quantity
            )
            if updated == 0:
                StockRecord.objects.create(variant_id=line.variant_id, on_hand=line.quantity)
        record_movements(
            changes=[(line.variant_id, line.quantity) for line in merged],
            reason=reason,
            reference=reference,
            actor=actor,
        )
        retire_pages_if_availability_moved(lines=merged, available_change_sign=+1)
