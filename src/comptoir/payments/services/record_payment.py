"""Facts a provider reports about a payment, applied once whatever the order and number of reports.

Each function locks the payment row, re-reads it and returns without change when the fact is
already known (a replayed webhook, a second click on "pay"). Locks are taken payment first, then
order, everywhere. Payments only record the fact: the order's move, its invoice and its gift cards
follow in the workflow layer (``workflow.services.pay_order``), in the same transaction.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from comptoir.orders.models import Order
from comptoir.orders.state import can_pay

from ..models import Payment, PaymentStatus

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    PAID = "paid"
    ALREADY_PAID = "already_paid"
    ALREADY_SETTLED = "already_settled"  # refunded or failed: a late "paid" changes nothing
    ORDER_NOT_AWAITING_PAYMENT = "order_not_awaiting_payment"
    FAILED = "failed"
    ALREADY_CLOSED = "already_closed"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    AMOUNT_MISMATCH = "amount_mismatch"
    PENDING = "pending"
    IGNORED = "ignored"
    DUPLICATE = "duplicate"


def record_payment_received(
    *,
    payment_id: int,
    provider_reference: str = "",
    paid_amount: Decimal | None = None,
    paid_currency: str | None = None,
) -> Outcome:
    """Record that the money arrived, once; ``PAID`` when its order awaits it (locked, in the caller's
    transaction: the workflow's ``mark_payment_paid`` moves it to paid before it commits)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if payment.status == PaymentStatus.PAID:
            return Outcome.ALREADY_PAID
        if payment.status == PaymentStatus.REFUNDED:
            return Outcome.ALREADY_SETTLED
        if (paid_amount is not None and paid_amount != payment.amount) or (
            paid_currency is not None and paid_currency.upper() != payment.currency
        ):
            logger.error(
                "Payment %s: provider reports %s %s, expected %s %s; not marked paid.",
                payment.pk,
                paid_amount,
                paid_currency,
                payment.amount,
                payment.currency,
            )
            return Outcome.AMOUNT_MISMATCH
        order = Order.objects.select_for_update().get(pk=payment.order_id)
        # A failed attempt that finally succeeds (asynchronous methods) is still money received.
        payment.status = PaymentStatus.PAID
        payment.paid_at = timezone.now()
        if provider_reference:
            payment.provider_reference = provider_reference
        payment.save(update_fields=["status", "paid_at", "provider_reference", "updated_at"])
        if not can_pay(order.status):
            # Paid twice, or paid after the unpaid order was cancelled: the founder refunds by hand.
            logger.error(
                "Payment %s received for order %s in status %s.", payment.pk, order.number, order.status
            )
            return Outcome.ORDER_NOT_AWAITING_PAYMENT
        return Outcome.PAID


def mark_payment_failed(*, payment_id: int) -> Outcome:
    """The customer gave up, the card was refused or the page expired: only an open payment fails."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if not payment.is_open:
            return Outcome.ALREADY_CLOSED
        payment.status = PaymentStatus.FAILED
        payment.save(update_fields=["status", "updated_at"])
        return Outcome.FAILED


def mark_payment_pending(*, payment_id: int, provider_reference: str = "") -> Outcome:
    """The customer finished on the provider's page but the money is still on its way (SEPA debit)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if payment.status != PaymentStatus.CREATED:
            if provider_reference and not payment.provider_reference:
                payment.provider_reference = provider_reference
                payment.save(update_fields=["provider_reference", "updated_at"])
            return Outcome.PENDING
        payment.status = PaymentStatus.PENDING
        payment.provider_reference = provider_reference or payment.provider_reference
        payment.save(update_fields=["status", "provider_reference", "updated_at"])
        return Outcome.PENDING


def record_refunded_amount(*, payment_id: int, refunded_total: Decimal) -> Outcome:
    """The provider says ``refunded_total`` has been given back in all; amounts only ever grow.

    Taking the larger of what we knew and what is reported makes a refund we asked for and the
    provider's report of it agree, whichever is recorded first.
    """
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if payment.status not in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
            return Outcome.IGNORED
        payment.refunded_amount = min(max(payment.refunded_amount, refunded_total), payment.amount)
        if payment.refunded_amount == payment.amount:
            payment.status = PaymentStatus.REFUNDED
        payment.save(update_fields=["refunded_amount", "status", "updated_at"])
        return Outcome.REFUNDED if payment.status == PaymentStatus.REFUNDED else Outcome.PARTIALLY_REFUNDED
