"""A card payment refused, failed or expired (Stripe's events, the demo page's « Refuser »).

The payment is marked failed (payments' ``mark_payment_failed``, once); while its order still awaits
its money, the customer is told by email, with the link to her order page where « Payer à nouveau »
opens a new session (``pay_again``). One email per failed attempt: a replayed event finds the payment
already closed and tells no one.
"""

from __future__ import annotations

from django.db import transaction

from comptoir.orders.models import Order
from comptoir.orders.state import can_pay
from comptoir.payments.models import Payment
from comptoir.payments.services.record_payment import Outcome, mark_payment_failed

from ..emails import email_after_commit


def fail_payment(*, payment_id: int) -> Outcome:
    with transaction.atomic():
        outcome = mark_payment_failed(payment_id=payment_id)
        if outcome != Outcome.FAILED:
            return outcome
        order = Order.objects.get(pk=Payment.objects.values("order_id").get(pk=payment_id)["order_id"])
        if can_pay(order.status):
            email_after_commit(order=order, kind="payment_failed")
    return outcome
