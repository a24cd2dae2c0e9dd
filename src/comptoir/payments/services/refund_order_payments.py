"""An accepted return (or a cancelled paid order) refunded through the provider that took the money.

Stripe refunds by its API; the demo provider refunds in place. A bank transfer cannot be sent back by
the shop: the founder wires it from her bank, then marks the order refunded by hand.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.invoicing.models import Invoice
from comptoir.invoicing.services.issue_credit_note import issue_full_credit_note
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.refund_order import refund_order
from comptoir.orders.state import can_move

from ..models import Payment, PaymentStatus
from ..providers.registry import provider_class
from .refund_payment import refund_payment


def refund_order_payments(*, order: Order, actor: User | None = None, actor_label: str = "staff") -> Order:
    """Give back what is left of every paid payment, then move the order to refunded.

    Called outside any transaction: the provider is called over the network. A retry after a
    failure refunds only what is still left (amounts only grow, and Stripe's idempotency keys
    include the amount already refunded), so nothing is ever given back twice.
    """
    order.refresh_from_db()
    if not can_move(from_status=order.status, to_status=OrderStatus.REFUNDED):
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
    """The order moves to refunded and its invoice, if any, is cancelled by a credit note, together."""
    with transaction.atomic():
        order = refund_order(
            order=order, actor=actor, actor_label=actor_label, refund_reference=refund_reference
        )
        invoice = Invoice.objects.filter(order=order).first()
        if invoice is not None:
            issue_full_credit_note(
                invoice=invoice,
                reason=_("Remboursement de la commande %(number)s") % {"number": order.number},
            )
    return order
