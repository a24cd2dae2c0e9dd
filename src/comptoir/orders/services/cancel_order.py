"""An order that will not be shipped: its pieces go back on sale."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.inventory.services.release_stock import release_stock

from ..models import Order, OrderStatus
from .transition import email_after_commit, locked_order, move_order, stock_lines_of


def cancel_order(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Order:
    """placed, paid or packed → cancelled: releases the reserved stock; the "cancelled" email after commit.

    Nothing has left the workshop in those statuses (the table allows no cancel once shipped), so
    every line's reservation is given back. A paid order still needs ``refund_order`` afterwards.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.CANCELLED:
            return order
        move_order(
            order=order,
            to_status=OrderStatus.CANCELLED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"cancelled_at": now or timezone.now()},
            data={"reason": reason} if reason else None,
        )
        if order.holds_stock:  # a pre-order never took any
            release_stock(lines=stock_lines_of(order=order))
        email_after_commit(order=order, kind="cancelled")
    return order
