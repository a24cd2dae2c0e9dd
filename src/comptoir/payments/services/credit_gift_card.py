"""Give back to a gift card what it paid of an order (a refund, a cancellation): the card, not a bank.

One transaction, locks taken payment first, then card (the order every payment service uses): the
payment's ``refunded_amount`` and the card's balance move together, so a retry credits nothing twice.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F

from comptoir.orders.models import OrderStatus

from ..models import (
    GIFT_CARD_PROVIDER,
    GiftCard,
    GiftCardMovement,
    GiftCardMovementKind,
    Payment,
    PaymentStatus,
)
from ..providers.base import PaymentError, RefundResult


def credit_gift_card(*, payment: Payment, amount: Decimal) -> RefundResult:
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.status not in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
            raise PaymentError(f"Payment {locked.pk} is {locked.status}: nothing to credit back.")
        if amount <= 0 or amount > locked.amount - locked.refunded_amount:
            raise PaymentError(f"Cannot credit {amount} of payment {locked.pk} back.")
        spent = GiftCardMovement.objects.get(payment=locked, kind=GiftCardMovementKind.SPENT)
        card = GiftCard.objects.select_for_update().get(pk=spent.gift_card_id)
        GiftCard.objects.filter(pk=card.pk).update(balance=F("balance") + amount)
        card.refresh_from_db(fields=["balance"])
        movement = GiftCardMovement.objects.create(
            gift_card=card,
            kind=GiftCardMovementKind.CREDITED,
            amount=amount,
            balance_after=card.balance,
            order_id=locked.order_id,
            payment=locked,
        )
        locked.refunded_amount += amount
        if locked.refunded_amount == locked.amount:
            locked.status = PaymentStatus.REFUNDED
        locked.save(update_fields=["refunded_amount", "status", "updated_at"])
    payment.refresh_from_db()
    return RefundResult(external_id=f"gift-card-credit-{movement.pk}", amount=amount)


def credit_back_gift_cards(*, order_id: int) -> Decimal:
    """Everything gift cards paid of this order and not yet given back goes back on them."""
    total = Decimal("0.00")
    for payment in Payment.objects.filter(
        order_id=order_id, provider=GIFT_CARD_PROVIDER, status=PaymentStatus.PAID
    ).order_by("pk"):
        left = payment.amount - payment.refunded_amount
        if left > 0:
            total += credit_gift_card(payment=payment, amount=left).amount
    return total


def credit_back_cancelled_orders() -> list[str]:
    """Cancelled orders whose gift cards were not credited back yet give them back; their numbers.

    The workflow credits cards back as it cancels (``cancel_order_and_credit_back``: the admin's
    « Annuler », ``cancel_unpaid_orders``); this daily sweep (``manage.py credit_back_gift_cards``)
    catches an order cancelled any other way. Each card is credited once.
    """
    pending = (
        Payment.objects.filter(
            provider=GIFT_CARD_PROVIDER,
            status=PaymentStatus.PAID,
            order__status=OrderStatus.CANCELLED,
            refunded_amount__lt=F("amount"),
        )
        .values_list("order_id", "order__number")
        .distinct()
        .order_by("order_id")
    )
    numbers = []
    for order_id, number in pending:
        if credit_back_gift_cards(order_id=order_id) > 0:
            numbers.append(number)
    return numbers
