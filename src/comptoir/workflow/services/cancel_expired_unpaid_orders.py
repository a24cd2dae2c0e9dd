"""Orders whose money never came: after a while the order is cancelled, its pieces go back on sale,
what a gift card paid of it goes back on the card and its discount code's use is counted back.

Two clocks: a bank transfer waits ``COMPTOIR_UNPAID_ORDER_DAYS`` from the order; a card payment
refused, failed or abandoned (a session that never comes back) may be tried again for
``COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES`` from the order or its latest attempt (``pay_again.py``).
A card payment that succeeds after its order was cancelled is refunded (refund_late_payment.py).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest

from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.transition import locked_order
from comptoir.payments.models import GIFT_CARD_PROVIDER, PaymentStatus

from .cancel_order import cancel_order_and_credit_back
from .pay_again import DELAYED_PAYMENT_METHODS, card_payment_window, money_on_its_way, pay_again_deadline

logger = logging.getLogger(__name__)


def _expired_transfers(*, now: datetime) -> list[Order]:
    cutoff = now - timedelta(days=settings.COMPTOIR_UNPAID_ORDER_DAYS)
    return list(
        Order.objects.filter(
            status=OrderStatus.PLACED, payment_method__in=DELAYED_PAYMENT_METHODS, created_at__lt=cutoff
        )
    )


def _expired_card_payments(*, now: datetime) -> list[Order]:
    attempts = Q(payments__isnull=False) & ~Q(payments__provider=GIFT_CARD_PROVIDER)
    on_its_way = Q(payments__status=PaymentStatus.PENDING) & ~Q(payments__provider_reference="")
    return list(
        Order.objects.filter(status=OrderStatus.PLACED)
        .exclude(payment_method__in=DELAYED_PAYMENT_METHODS)
        .annotate(
            latest=Greatest(
                "created_at", Coalesce(Max("payments__updated_at", filter=attempts), "created_at")
            )
        )
        .filter(latest__lte=now - card_payment_window())
        .exclude(pk__in=Order.objects.filter(on_its_way).values("pk"))
    )


def _still_expired(*, order: Order, now: datetime) -> bool:
    """Re-read under the row lock: paid, cancelled by hand or tried again meanwhile wins."""
    if order.status != OrderStatus.PLACED:
        return False
    if order.payment_method in DELAYED_PAYMENT_METHODS:
        return True
    deadline = pay_again_deadline(order=order)
    return deadline is not None and deadline <= now and not money_on_its_way(order=order)


def cancel_expired_unpaid_orders(*, now: datetime) -> list[str]:
    """Cancel placed orders whose payment time is over; their numbers.

    One transaction per order, the status re-read under the row lock: a payment confirmed while
    this runs wins (a paid order may be cancelled by the founder, never by this clock).
    """
    expired = sorted(
        _expired_transfers(now=now) + _expired_card_payments(now=now), key=lambda order: order.pk
    )
    cancelled: list[str] = []
    for order in expired:
        with transaction.atomic():
            current = locked_order(order=order)
            if not _still_expired(order=current, now=now):
                continue
            cancel_order_and_credit_back(order=current, actor_label="system", reason="unpaid", now=now)
        cancelled.append(order.number)
    if cancelled:
        logger.info("Cancelled %d unpaid orders: %s", len(cancelled), ", ".join(cancelled))
    return cancelled
