"""The demo payment page's two buttons: pay (the order becomes paid) or refuse (the payment fails)."""

from __future__ import annotations

from comptoir.payments.models import Payment
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.providers.demo import DemoProvider, demo_payments_enabled
from comptoir.payments.services.record_payment import Outcome

from .fail_payment import fail_payment
from .pay_order import mark_payment_paid


def settle_demo_payment(*, payment_id: int, succeeded: bool) -> Outcome:
    if not demo_payments_enabled():
        raise PaymentError("The demo payment provider is off.")
    if not Payment.objects.filter(pk=payment_id, provider=DemoProvider.code).exists():
        raise PaymentError(f"Payment {payment_id} is not a demo payment.")
    if succeeded:
        return mark_payment_paid(
            payment_id=payment_id, provider_reference=f"demo-{payment_id}", actor_label="demo"
        )
    return fail_payment(payment_id=payment_id)
