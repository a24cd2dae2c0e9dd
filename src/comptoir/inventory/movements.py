"""Writing the stock's history: every service that changes ``on_hand`` calls ``record_movements``.

Called inside the service's transaction, after its UPDATEs, so a rolled-back change leaves no line.
"""

from __future__ import annotations

from collections.abc import Iterable

from comptoir.accounts.models import User

from .models import MovementReason, StockMovement, StockRecord


def record_movements(
    *,
    changes: Iterable[tuple[int, int]],
    reason: MovementReason,
    reference: str = "",
    note: str = "",
    actor: User | None = None,
) -> None:
    """``changes``: (variant id, signed change of on_hand); the count after is read back from the rows."""
    changes = [(variant_id, change) for variant_id, change in changes if change]
    if not changes:
        return
    after = dict(
        StockRecord.objects.filter(variant_id__in=[variant_id for variant_id, _ in changes]).values_list(
            "variant_id", "on_hand"
        )
    )
    StockMovement.objects.bulk_create(
        StockMovement(
            variant_id=variant_id,
            change=change,
            on_hand_after=after.get(variant_id, 0),
            reason=reason,
            reference=reference[:40],
            note=note[:200],
            actor=actor if actor is not None and actor.is_authenticated else None,
        )
        for variant_id, change in changes
    )
