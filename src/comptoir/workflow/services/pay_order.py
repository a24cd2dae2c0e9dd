"""The money arrived: the payment is recorded, the order moves to paid, its invoice is issued, together.

Payments record the fact (``record_payment_received``, ``spend_gift_card``); orders move the order
(``mark_order_paid``, its event and the "paid" email after commit); invoicing issues the invoice. All
in one transaction, so a paid order always has its invoice and a failed payment none.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.notifications.jobs import enqueue
from comptoir.orders.models import Order
from comptoir.orders.services.mark_order_paid import mark_order_paid
from comptoir.orders.services.transition import locked_order
from comptoir.orders.state import CALLED_OFF, can_pay
from comptoir.payments.models import Payment
from comptoir.payments.services.issue_gift_card import issue_gift_cards_for_order
from comptoir.payments.services.pay_with_gift_card import amount_due, spend_gift_card
from comptoir.payments.services.record_payment import Outcome, record_payment_received

from ..emails import email_after_commit
from .refund_late_payment import refund_late_payment


def pay_order(*, order: Order, actor: User | None, actor_label: str, payment_reference: str) -> Order:
    """Move ``order`` to paid, invoice it (once), issue the gift cards it bought and tell the customer,
    the invoice attached (after commit). A repeat changes nothing and tells no one twice."""
    with transaction.atomic():
        awaiting_payment = can_pay(locked_order(order=order).status)
        order = mark_order_paid(
            order=order, actor=actor, actor_label=actor_label, payment_reference=payment_reference
        )
        if awaiting_payment:
            email_after_commit(order=order, kind="paid")  # sent after commit: the invoice is there
        issue_invoice_for_order(order=order)
        issue_gift_cards_for_order(order=order)  # gift cards bought in the order: codes emailed after commit
    return order


def mark_payment_paid(
    *,
    payment_id: int,
    provider_reference: str = "",
    paid_amount: Decimal | None = None,
    paid_currency: str | None = None,
    actor: User | None = None,
    actor_label: str,
) -> Outcome:
    """Record that the money arrived and move the order to paid, once (a replay changes nothing).

    Money for an order already cancelled (its payment window passed) is refunded in full, after
    commit: refund_late_payment.py says why the order is not revived.
    """
    with transaction.atomic():
        outcome = record_payment_received(
            payment_id=payment_id,
            provider_reference=provider_reference,
            paid_amount=paid_amount,
            paid_currency=paid_currency,
        )
        if outcome == Outcome.ORDER_NOT_AWAITING_PAYMENT:
            payment = Payment.objects.select_related("order").get(pk=payment_id)
            if payment.order.status in CALLED_OFF:
                transaction.on_commit(lambda: enqueue(refund_late_payment, payment_id=payment_id))
        if outcome != Outcome.PAID:
            return outcome
        payment = Payment.objects.select_related("order").get(pk=payment_id)
        order = payment.order
        if order.is_reseller:
            # A company paying in advance chose how (card or transfer): its invoice says which.
            issue_invoice_for_order(order=order, payment_method=payment.provider, paid=True)
        pay_order(
            order=order,
            actor=actor,
            actor_label=actor_label,
            payment_reference=provider_reference or payment.external_id or f"{payment.provider}-{payment.pk}",
        )
    return outcome


def pay_with_gift_card(*, code: str, order: Order, actor: User | None = None) -> Payment:
    """Spend the card on ``order``; when it pays the whole total the order is paid at once.

    Call inside the transaction that places the order (``GiftCardRefused`` rolls it back).
    """
    with transaction.atomic():
        payment = spend_gift_card(code=code, order=order)
        if amount_due(order=order) == 0 and can_pay(order.status):
            pay_order(
                order=order,
                actor=actor,
                actor_label="customer",
                payment_reference=_("Carte cadeau %(code)s") % {"code": payment.provider_reference},
            )
    return payment
