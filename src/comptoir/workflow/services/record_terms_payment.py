"""A reseller pays an order on terms (usually by transfer, after delivery): the money is recorded.

The order was packed, shipped and invoiced without waiting; this records the payment (for the bank
journal and the accounts) and the order's ``paid_at`` through ``mark_order_paid``. Once per order.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.invoicing.selectors import invoices_of_order
from comptoir.orders.models import PAYMENT_ON_TERMS, Order
from comptoir.orders.services.mark_order_paid import mark_order_paid
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.bank_transfer import BankTransferProvider


class TermsPaymentRefused(Exception):
    pass


def _amount_invoiced(order: Order) -> Decimal:
    """What the company owes: its invoices (one per parcel, a cancelled backorder none), else the total."""
    invoiced = invoices_of_order(order=order).aggregate(total=Sum("total_gross"))["total"]
    return invoiced if invoiced is not None else order.total_gross


def record_terms_payment(*, order: Order, actor: User | None, reference: str = "") -> Payment | None:
    """Returns the payment recorded, or None if this order's payment was already recorded."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.payment_method != PAYMENT_ON_TERMS:
            raise TermsPaymentRefused(order.number)
        if order.paid_at is not None:
            return None
        payment = Payment.objects.create(
            order=order,
            provider=BankTransferProvider.code,
            status=PaymentStatus.PAID,
            amount=_amount_invoiced(order),
            currency=order.currency,
            provider_reference=reference,
            paid_at=timezone.now(),
        )
        mark_order_paid(
            order=order,
            actor=actor,
            actor_label="staff",
            payment_reference=reference or f"{BankTransferProvider.code}-{payment.pk}",
        )
    return payment
