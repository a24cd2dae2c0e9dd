"""An accepted return (or a cancelled paid order) refunded through the provider that took the money.

Stripe refunds by its API; the demo provider refunds in place. A bank transfer cannot be sent back by
the shop: the founder wires it from her bank, then marks the order refunded by hand.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.invoicing.selectors import invoices_of_order
from comptoir.invoicing.services.issue_credit_note import issue_full_credit_note
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.refund_order import refund_order
from comptoir.orders.state import can_refund
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.registry import provider_class
from comptoir.payments.services.refund_payment import refund_payment


def refund_order_payments(*, order: Order, actor: User | None = None, actor_label: str = "staff") -> Order:
    """Give back what is left of every paid payment, then move the order to refunded.

    Called outside any transaction: the provider is called over the network. A retry after a
    failure refunds only what is still left (amounts only grow, and Stripe's idempotency keys
    include the amount already refunded), so nothing is ever given back twice.
    """
    order.refresh_from_db()
    if not can_refund(order.status):
        raise OrderTransitionRefused(
            _("La commande %(number)s est « %(current)s » : elle ne peut pas passer à « %(wanted)s ».")
            % {
                "number": order.number,
                "current": order.get_status_display(),
                "wanted": OrderStatus.REFUNDED.label,
            },
            order_number=order.number,
            from_status=order.status,
            to_status=OrderStatus.REFUNDED,
        )
    paid = list(Payment.objects.filter(order=order, status=PaymentStatus.PAID).order_by("pk"))
    providers = [provider_class(payment.provider) for payment in paid]
    if any(provider is not None and not provider.refunds_by_api for provider in providers):
        raise OrderTransitionRefused(
            _(
                "La commande %(number)s a été payée par virement : remboursez-la depuis votre banque, "
                "puis marquez-la remboursée."
            )
            % {"number": order.number},
            order_number=order.number,
            from_status=order.status,
            to_status=OrderStatus.REFUNDED,
        )
    references = []
    for payment in paid:
        left = payment.amount - payment.refunded_amount
        if left > 0:
            references.append(refund_payment(payment=payment, amount=left).external_id)
    return refunded_with_credit_note(
        order=order,
        actor=actor,
        actor_label=actor_label,
        refund_reference=", ".join(reference for reference in references if reference),
    )


def refunded_with_credit_note(
    *, order: Order, actor: User | None, actor_label: str, refund_reference: str = ""
) -> Order:
    """The order moves to refunded and each of its invoices (one per parcel when it left in parts) is
    cancelled by its own credit note, together: the credit notes add up to what was invoiced."""
    with transaction.atomic():
        order = refund_order(
            order=order, actor=actor, actor_label=actor_label, refund_reference=refund_reference
        )
        reason = _("Remboursement de la commande %(number)s") % {"number": order.number}
        for invoice in invoices_of_order(order=order).order_by("year", "sequence_number"):
            issue_full_credit_note(invoice=invoice, reason=reason)
    return order
