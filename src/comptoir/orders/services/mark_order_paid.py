"""The money arrived: payments report it, this moves the order."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User

from ..models import PAYMENT_ON_TERMS, Order, OrderStatus
from ..state import ON_TERMS_PATH
from .transition import locked_order, move_order, record_event


def mark_order_paid(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    payment_reference: str = "",
    now: datetime | None = None,
) -> Order:
    """placed → paid, with the payment's reference in the audit trail. The "paid" email carries the
    invoice: the workflow's ``pay_order`` sends it.

    An order on payment terms was packed and shipped before its money came: its payment is recorded
    (``paid_at`` and the audit trail) where it stands, without moving it. A repeat (a replayed
    webhook, a second click) finds the order already paid and changes nothing.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        on_terms = order.payment_method == PAYMENT_ON_TERMS and order.status in ON_TERMS_PATH
        if order.status == OrderStatus.PAID or (on_terms and order.paid_at is not None):
            return order
        if on_terms:
            order.paid_at = now or timezone.now()
            order.save(update_fields=["paid_at", "updated_at"])
            record_event(
                order=order,
                kind="paid_on_terms",
                actor=actor,
                actor_label=actor_label,
                data={"payment_reference": payment_reference} if payment_reference else None,
            )
            return order
        move_order(
            order=order,
            to_status=OrderStatus.PAID,
            actor=actor,
            actor_label=actor_label,
            timestamps={"paid_at": now or timezone.now()},
            data={"payment_reference": payment_reference} if payment_reference else None,
        )
    return order
