"""Money that arrives for an order already cancelled is given back, automatically.

The race: the card payment window passed, ``cancel_expired_unpaid_orders`` cancelled the order and
put its pieces back on sale, then the customer's payment succeeds anyway (a Stripe session still
open, a slow 3-D Secure). We refund that payment in full rather than revive the order: its stock may
already be sold to someone else, and a refund is the one answer that never oversells. The customer
was told by the « cancelled » email that a payment would be refunded.

The refund calls the provider over the network, so it runs after the webhook's commit as a
background job (``notifications.jobs``): a failure waits in ``PendingJob`` and is retried.
"""

from __future__ import annotations

import logging

from django.db import transaction

from comptoir.orders.models import Order
from comptoir.orders.services.transition import record_event
from comptoir.orders.state import CALLED_OFF
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.registry import provider_class
from comptoir.payments.services.refund_payment import refund_payment

logger = logging.getLogger(__name__)


def refund_late_payment(*, payment_id: int) -> None:
    """Refund what is left of ``payment`` when its order was called off; a repeat refunds nothing."""
    payment = Payment.objects.select_related("order").get(pk=payment_id)
    if payment.status != PaymentStatus.PAID or payment.order.status not in CALLED_OFF:
        return
    provider = provider_class(payment.provider)
    if provider is None or not provider.refunds_by_api:
        logger.error(
            "Payment %s arrived after order %s was cancelled: refund it by hand.",
            payment.pk,
            payment.order.number,
        )
        return
    left = payment.amount - payment.refunded_amount
    if left <= 0:
        return
    result = refund_payment(payment=payment, amount=left)
    with transaction.atomic():
        record_event(
            order=Order.objects.get(pk=payment.order_id),
            kind="late_payment_refunded",
            actor=None,
            actor_label="system",
            data={"amount": str(left), "refund": result.external_id},
        )
