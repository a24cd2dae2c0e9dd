"""The carrier (or the customer) says the parcel arrived: the withdrawal period starts."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User

from ..models import Order, OrderStatus
from .transition import email_after_commit, locked_order, move_order


def mark_order_delivered(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    delivered_at: datetime | None = None,
) -> Order:
    """shipped → delivered, dated when the parcel was received (the carrier's date when known)."""
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.DELIVERED:
            return order
        move_order(
            order=order,
            to_status=OrderStatus.DELIVERED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"delivered_at": delivered_at or timezone.now()},
        )
        # Arrived: how to withdraw within 14 days, and a word on the pieces (the review links).
        email_after_commit(order=order, kind="delivered")
    return order
