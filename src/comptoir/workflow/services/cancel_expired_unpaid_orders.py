"""Bank transfers that never came: after a while the order is cancelled, its pieces go back on sale and
what a gift card paid of it goes back on the card."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from comptoir.orders.models import Order, OrderStatus, PaymentMethod
from comptoir.orders.services.transition import locked_order

from .cancel_order import cancel_order_and_credit_back

logger = logging.getLogger(__name__)

# Payment methods whose money may take days: the only ones left waiting that long.
DELAYED_PAYMENT_METHODS = (PaymentMethod.BANK_TRANSFER,)


def cancel_expired_unpaid_orders(*, now: datetime) -> list[str]:
    """Cancel placed bank-transfer orders older than ``COMPTOIR_UNPAID_ORDER_DAYS``; their numbers.

    One transaction per order, the status re-read under the row lock: a transfer confirmed while
    this runs wins (a paid order may be cancelled by the founder, never by this clock).
    """
    cutoff = now - timedelta(days=settings.COMPTOIR_UNPAID_ORDER_DAYS)
    expired = Order.objects.filter(
        status=OrderStatus.PLACED, payment_method__in=DELAYED_PAYMENT_METHODS, created_at__lt=cutoff
    ).order_by("pk")
    cancelled: list[str] = []
    for order in expired:
        with transaction.atomic():
            current = locked_order(order=order)
            if current.status != OrderStatus.PLACED:
                continue  # paid, or cancelled by hand, between the query and the lock
            cancel_order_and_credit_back(order=current, actor_label="system", reason="unpaid", now=now)
        cancelled.append(order.number)
    if cancelled:
        logger.info("Cancelled %d unpaid orders: %s", len(cancelled), ", ".join(cancelled))
    return cancelled
