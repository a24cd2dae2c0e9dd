"""Give back part of what an order paid (a goodwill gesture, a piece kept damaged), with its credit note.

Through the provider when it refunds by API (Stripe, the demo; a gift card is credited back); a bank
transfer is sent back by the founder from her bank first, then recorded here. More than what the
order's payments still hold, or than what its invoices still carry, is refused with a clear message
and nothing changes. The credit note follows from ``credit_refunded_money``.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.core.money import Money, format_money, quantize
from comptoir.invoicing.models import CreditNote
from comptoir.invoicing.selectors import invoices_of_order
from comptoir.invoicing.services.issue_credit_note import left_to_credit
from comptoir.orders.models import Order
from comptoir.orders.services.transition import record_event
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.registry import provider_class
from comptoir.payments.services.record_payment import record_refunded_amount
from comptoir.payments.services.refund_payment import refund_payment

from .credit_refunded_money import credit_refunded_money


class RefundRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def refundable_amount(*, order: Order) -> Decimal:
    """What may still be given back: held by the payments and still carried by the invoices."""
    held = sum(
        (
            payment.amount - payment.refunded_amount
            for payment in Payment.objects.filter(order=order, status=PaymentStatus.PAID)
        ),
        Decimal("0.00"),
    )
    invoiced = sum(
        (left_to_credit(invoice=invoice) for invoice in invoices_of_order(order=order)), Decimal("0.00")
    )
    return min(held, invoiced)


def refund_amount(
    *, order: Order, amount: Decimal, reason: str, actor: User | None = None, actor_label: str = "staff"
) -> list[CreditNote]:
    """Refund ``amount`` of ``order`` (newest payment first) and credit it. Call outside any transaction:
    the provider is called over the network."""
    amount = quantize(amount)
    order.refresh_from_db()
    left = refundable_amount(order=order)
    if amount <= 0 or amount > left:
        raise RefundRefused(
            _(
                "Remboursement de %(amount)s refusé : il reste %(left)s remboursables "
                "sur la commande %(number)s."
            )
            % {
                "amount": format_money(Money(amount, order.currency)),
                "left": format_money(Money(left, order.currency)),
                "number": order.number,
            }
        )
    remaining = amount
    for payment in Payment.objects.filter(order=order, status=PaymentStatus.PAID).order_by("-pk"):
        part = min(remaining, payment.amount - payment.refunded_amount)
        if part <= 0:
            continue
        provider = provider_class(payment.provider)
        if provider is not None and not provider.refunds_by_api:
            # A transfer: the founder has sent it back from her bank; we record it.
            record_refunded_amount(payment_id=payment.pk, refunded_total=payment.refunded_amount + part)
        else:
            refund_payment(payment=payment, amount=part)
        remaining -= part
        if remaining <= 0:
            break
    credit_notes = credit_refunded_money(order=order, reason=reason or _("Geste commercial"))
    record_event(
        order=order,
        kind="partial_refund",
        actor=actor,
        actor_label=actor_label,
        data={"amount": str(amount), "credit_notes": [note.number for note in credit_notes]},
    )
    return credit_notes
