"""The returned parcel arrived and was checked: the pieces go back on the shelf, a refund follows."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.inventory.services.restock import restock

from ..models import Order, OrderStatus
from .transition import locked_order, move_order, stock_lines_of


def accept_return(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    note: str = "",
    now: datetime | None = None,
) -> Order:
    """shipped or delivered → returned: every line is restocked. The refund is ``refund_order``'s move."""
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.RETURNED:
            return order
        move_order(
            order=order,
            to_status=OrderStatus.RETURNED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"returned_at": now or timezone.now()},
            data={"note": note} if note else None,
        )
        restock(lines=stock_lines_of(order=order), reference=order.number, actor=actor)
    return order
