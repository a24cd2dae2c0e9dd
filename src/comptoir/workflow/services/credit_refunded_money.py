"""Money given back without a whole-invoice credit note (a goodwill gesture, a refund made in Stripe's
dashboard, a transfer sent back by hand) is credited: invoices minus credit notes = money kept.

The rule is a reconciliation, so it is safe to repeat and to race: under the order's row lock, what
the order's payments say was refunded is compared with what its credit notes already give back, and
only the difference is credited (a webhook delivered twice, or after our own refund, finds nothing
left to do). The difference goes to the order's invoices oldest first, never beyond what is left of
each (invoicing's ``issue_partial_credit_note`` refuses more).
"""

from __future__ import annotations

import logging
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from comptoir.invoicing.models import CreditNote
from comptoir.invoicing.selectors import invoices_of_order
from comptoir.invoicing.services.issue_credit_note import issue_partial_credit_note, left_to_credit
from comptoir.orders.models import Order
from comptoir.orders.services.transition import locked_order
from comptoir.payments.models import Payment

logger = logging.getLogger(__name__)

ZERO = Decimal("0.00")


def refunded_total(*, order: Order) -> Decimal:
    return Payment.objects.filter(order=order).aggregate(total=Sum("refunded_amount"))["total"] or ZERO


def credited_total(*, order: Order) -> Decimal:
    invoices = invoices_of_order(order=order)
    total = CreditNote.objects.filter(invoice__in=invoices).aggregate(total=Sum("total_gross"))["total"]
    return -(total or ZERO)


def credit_refunded_money(*, order: Order, reason: str) -> list[CreditNote]:
    """Credit what was refunded of ``order`` and is not credited yet; the credit notes issued."""
    issued: list[CreditNote] = []
    with transaction.atomic():
        order = locked_order(order=order)
        due = refunded_total(order=order) - credited_total(order=order)
        for invoice in invoices_of_order(order=order).order_by("year", "sequence_number"):
            if due <= 0:
                break
            part = min(due, left_to_credit(invoice=invoice))
            if part > 0:
                issued.append(issue_partial_credit_note(invoice=invoice, amount=part, reason=reason))
                due -= part
        if due > 0 and invoices_of_order(order=order).exists():
            logger.error("Order %s: %s refunded beyond what was invoiced.", order.number, due)
    return issued
