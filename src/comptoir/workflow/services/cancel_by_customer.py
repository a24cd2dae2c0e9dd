"""The customer cancels her order from its page, before it is packed, within the founder's window.

``COMPTOIR_CUSTOMER_CANCEL_HOURS`` after the order is placed (0: never); the founder may cancel any
order not shipped from the admin, at any time. The order is cancelled, its stock released, its gift
cards and discount-code use given back (``cancel_order_and_credit_back``), in one transaction under
the order's lock; then, outside it, what a provider took is refunded by its API with the credit
notes (``refund_order_payments``). Money that came by transfer cannot be sent back by the shop: the
order stays cancelled with a « refund to do » event for the founder (« Remboursée à la main »).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.orders.models import Order
from comptoir.orders.services.transition import locked_order, record_event
from comptoir.orders.state import CALLED_OFF, can_cancel_before_packing
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.providers.registry import provider_class

from .cancel_order import cancel_order_and_credit_back
from .refund_order_payments import refund_order_payments

logger = logging.getLogger(__name__)


class CancellationRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CustomerCancellation:
    is_open: bool  # the button may be shown and the request accepted
    deadline: datetime | None


def customer_cancellation(*, order: Order, now: datetime | None = None) -> CustomerCancellation:
    hours = settings.COMPTOIR_CUSTOMER_CANCEL_HOURS
    if hours <= 0 or not can_cancel_before_packing(order.status):
        return CustomerCancellation(is_open=False, deadline=None)
    deadline = order.created_at + timedelta(hours=hours)
    return CustomerCancellation(is_open=(now or timezone.now()) < deadline, deadline=deadline)


def _refunds_by_api(order: Order) -> bool:
    paid = Payment.objects.filter(order=order, status=PaymentStatus.PAID)
    providers = [provider_class(payment.provider) for payment in paid]
    return bool(providers) and all(provider is None or provider.refunds_by_api for provider in providers)


def cancel_order_by_customer(
    *, order: Order, actor: User | None = None, now: datetime | None = None
) -> Order:
    """Cancel, release, credit back; then refund what was paid. A second click changes nothing."""
    moment = now or timezone.now()
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status in CALLED_OFF:
            return order  # a second click, an old tab: already done
        if not customer_cancellation(order=order, now=moment).is_open:
            raise CancellationRefused(
                _("La commande %(number)s ne peut plus être annulée ici : écrivez-nous.")
                % {"number": order.number}
            )
        order = cancel_order_and_credit_back(
            order=order, actor=actor, actor_label="customer", reason="customer", now=moment
        )
        has_paid = Payment.objects.filter(order=order, status=PaymentStatus.PAID).exists()
        by_api = _refunds_by_api(order)
        if has_paid and not by_api:
            record_event(order=order, kind="refund_to_do", actor=None, actor_label="system")
    if has_paid and by_api:
        try:
            order = refund_order_payments(order=order, actor=actor, actor_label="customer")
        except PaymentError:
            logger.exception("Order %s cancelled by its customer: the refund failed.", order.number)
            record_event(order=order, kind="refund_to_do", actor=None, actor_label="system")
    return order
