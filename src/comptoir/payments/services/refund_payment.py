"""Give money back through the provider that took it. Call it outside any transaction or lock."""

from __future__ import annotations

from decimal import Decimal

from comptoir.core.money import quantize

from ..models import GIFT_CARD_PROVIDER, Payment, PaymentStatus
from ..providers.base import PaymentError, RefundResult
from ..providers.registry import PROVIDERS
from .credit_gift_card import credit_gift_card
from .record_payment import record_refunded_amount


def refund_payment(*, payment: Payment, amount: Decimal) -> RefundResult:
    """Refund ``amount`` of a paid payment (all of it or part) and record it on the payment."""
    amount = quantize(amount)
    payment.refresh_from_db()
    if payment.status != PaymentStatus.PAID:
        raise PaymentError(f"Payment {payment.pk} is {payment.status}, not paid: nothing to refund.")
    if amount <= 0 or amount > payment.amount - payment.refunded_amount:
        raise PaymentError(f"Cannot refund {amount} of payment {payment.pk}.")
    already_refunded = payment.refunded_amount
    if payment.provider == GIFT_CARD_PROVIDER:
        return credit_gift_card(payment=payment, amount=amount)  # the card gets it back, not a bank
    # Refunding what was taken stays possible after a provider is switched off for new orders.
    provider = PROVIDERS[payment.provider]()
    result = provider.refund(payment=payment, amount=amount)
    record_refunded_amount(payment_id=payment.pk, refunded_total=already_refunded + result.amount)
    payment.refresh_from_db()
    return result
