"""The founder counts a shelf, receives a delivery from the workshop or finds a damaged piece."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comptoir.accounts.models import User

from ..models import MovementReason, StockRecord
from ..movements import record_movements


class StockAdjustRefused(Exception):
    """The new count would break a rule (below what orders hold): the message says which, in French."""


def adjust_stock(
    *,
    variant_id: int,
    on_hand: int,
    reason: MovementReason,
    actor: User | None,
    note: str = "",
    location: str | None = None,
    low_stock_threshold: int | None = None,
) -> StockRecord:
    """Set a variant's shelf count (and optionally its shelf and threshold), recording the movement.

    The row is locked and ``reserved`` re-read inside the lock: a count made while an order came in
    can never drop the shelf below what that order holds.
    """
    if on_hand < 0:
        raise StockAdjustRefused(_("Le stock ne peut pas être négatif."))
    with transaction.atomic():
        record = StockRecord.objects.select_for_update().filter(variant_id=variant_id).first()
        if record is None:
            record = StockRecord.objects.create(variant_id=variant_id)
        if on_hand < record.reserved:
            raise StockAdjustRefused(
                ngettext(
                    "%(reserved)d pièce est réservée par une commande à expédier : "
                    "le stock ne peut pas descendre en dessous.",
                    "%(reserved)d pièces sont réservées par des commandes à expédier : "
                    "le stock ne peut pas descendre en dessous.",
                    record.reserved,
                )
                % {"reserved": record.reserved}
            )
        change = on_hand - record.on_hand
        record.on_hand = on_hand
        fields = ["on_hand"]
        if location is not None:
            record.location, fields = location.strip(), [*fields, "location"]
        if low_stock_threshold is not None:
            record.low_stock_threshold, fields = low_stock_threshold, [*fields, "low_stock_threshold"]
        record.save(update_fields=fields)
        record_movements(changes=[(variant_id, change)], reason=reason, note=note, actor=actor)
    return record
