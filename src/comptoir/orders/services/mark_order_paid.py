"""The money arrived: payments report it, this moves the order."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User

from ..models import Order, OrderStatus
from .transition import email_after_commit, locked_order, move_order


def mark_order_paid(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    payment_reference: str = "",
    now: datetime | None = None,
) -> Order:
    """placed → paid, with the payment's reference in the audit trail; the "paid" email after commit.

    A repeat (a replayed webhook, a second click) finds the order already paid and changes nothing.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.PAID:
            return order
        move_order(
            order=order,
            to_status=OrderStatus.PAID,
            actor=actor,
            actor_label=actor_label,
            timestamps={"paid_at": now or timezone.now()},
            data={"payment_reference": payment_reference} if payment_reference else None,
        )
        email_after_commit(order=order, kind="paid")
    return order
