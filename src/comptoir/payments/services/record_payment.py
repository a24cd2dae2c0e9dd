"""Facts a provider reports about a payment, applied once whatever the order and number of reports.

Each function locks the payment row, re-reads it and returns without change when the fact is
already known (a replayed webhook, a second click on "pay"). Locks are taken payment first, then
order, everywhere. The order's move is orders' ``mark_order_paid``; payments only report the fact.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.mark_order_paid import mark_order_paid

from ..models import Payment, PaymentStatus
from .issue_gift_card import issue_gift_cards_for_order

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


def _mark_order_paid(*, order: Order, actor: User | None, actor_label: str, payment_reference: str) -> None:
    # The order service owns the order's move, its event and the "paid" email; the invoice is
    # issued in the same transaction, so a paid order always has one and a failed payment none.
    mark_order_paid(order=order, actor=actor, actor_label=actor_label, payment_reference=payment_reference)
    issue_invoice_for_order(order=order)
    issue_gift_cards_for_order(order=order)  # gift cards bought in the order: codes emailed after commit


def mark_payment_paid(
    *,
    payment_id: int,
    provider_reference: str = "",
    paid_amount: Decimal | None = None,
    paid_currency: str | None = None,
    actor: User | None = None,
    actor_label: str,
) -> Outcome:
    """Record that the money arrived and move the order to paid, once."""
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
        if order.status != OrderStatus.PLACED:
            # Paid twice, or paid after the unpaid order was cancelled: the founder refunds by hand.
            logger.error(
                "Payment %s received for order %s in status %s.", payment.pk, order.number, order.status
            )
            return Outcome.ORDER_NOT_AWAITING_PAYMENT
        if order.is_reseller:
            # A company paying in advance chose how (card or transfer): its invoice says which.
            issue_invoice_for_order(order=order, payment_method=payment.provider)
        _mark_order_paid(
            order=order,
            actor=actor,
            actor_label=actor_label,
            payment_reference=provider_reference or payment.external_id or f"{payment.provider}-{payment.pk}",
        )
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
