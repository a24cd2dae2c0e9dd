"""The money went back to the customer: the order's story ends here."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.inventory.services.release_stock import release_stock

from ..models import Order, OrderStatus
from ..state import can_cancel
from .transition import locked_order, move_order, stock_lines_of


def refund_order(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    refund_reference: str = "",
    now: datetime | None = None,
) -> Order:
    """paid, packed, cancelled or returned → refunded. Payments call it once the refund is made.

    From paid or packed the reserved stock is released; a cancelled order released it already and a
    returned one was restocked when the parcel came back. A repeat changes nothing.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.REFUNDED:
            return order
        # Refunded before anything left the workshop (it could still be cancelled): its pieces go back
        # on sale.
        holds_stock = can_cancel(order.status) and order.holds_stock
        move_order(
            order=order,
            to_status=OrderStatus.REFUNDED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"refunded_at": now or timezone.now()},
            data={"refund_reference": refund_reference} if refund_reference else None,
        )
        if holds_stock:
            release_stock(lines=stock_lines_of(order=order))
    return order
