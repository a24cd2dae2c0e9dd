"""Pay part or all of a placed order with a gift card, inside the transaction that places it.

The card's row is locked, its balance re-read and spent in the same transaction, so two orders
racing for the last euros of a card cannot both take them (the second finds what the first left);
a CHECK constraint keeps the balance from ever going below zero. A card that pays the whole total
makes the order paid at once (the workflow's ``pay_with_gift_card``); otherwise the provider is asked
for the rest (``amount_due``).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.orders.models import Order

from ..gift_cards import GiftCardRefused, normalise_code
from ..models import (
    GIFT_CARD_PROVIDER,
    GiftCard,
    GiftCardMovement,
    GiftCardMovementKind,
    Payment,
    PaymentStatus,
)


def usable_gift_card(*, code: str, currency: str, lock: bool = False) -> GiftCard:
    """The card behind ``code`` if it can pay now, or ``GiftCardRefused`` saying why."""
    cards = GiftCard.objects.select_for_update() if lock else GiftCard.objects.all()
    card = cards.filter(code=normalise_code(code)).first()
    if card is None or not card.is_active:
        raise GiftCardRefused([_("Ce code de carte cadeau n'existe pas.")])
    if card.expires_at is not None and card.expires_at <= timezone.now():
        raise GiftCardRefused([_("Cette carte cadeau a expiré.")])
    if card.currency != currency:
        raise GiftCardRefused([_("Cette carte cadeau n'est pas utilisable dans cette devise.")])
    if card.balance <= 0:
        raise GiftCardRefused([_("Cette carte cadeau est épuisée.")])
    return card


def spend_gift_card(*, code: str, order: Order) -> Payment:
    """Spend what the card holds, up to what the order still owes; call inside the order's transaction."""
    with transaction.atomic():
        card = usable_gift_card(code=code, currency=order.currency, lock=True)
        owed = amount_due(order=order)
        amount = min(card.balance, owed)
        if amount <= 0:
            raise GiftCardRefused([_("Cette commande est déjà réglée.")])
        # The conditional update is the second guard: it cannot take more than the card holds.
        if not GiftCard.objects.filter(pk=card.pk, balance__gte=amount).update(balance=F("balance") - amount):
            raise GiftCardRefused([_("Cette carte cadeau est épuisée.")])
        card.refresh_from_db(fields=["balance"])
        payment = Payment.objects.create(
            order=order,
            provider=GIFT_CARD_PROVIDER,
            status=PaymentStatus.PAID,
            amount=amount,
            currency=order.currency,
            external_id=f"{card.code}/{order.number}",
            provider_reference=card.masked_code,
            paid_at=timezone.now(),
        )
        GiftCardMovement.objects.create(
            gift_card=card,
            kind=GiftCardMovementKind.SPENT,
            amount=-amount,
            balance_after=card.balance,
            order=order,
            payment=payment,
        )
    return payment


def paid_by_gift_cards(*, order: Order) -> Decimal:
    paid = Payment.objects.filter(
        order=order, provider=GIFT_CARD_PROVIDER, status=PaymentStatus.PAID
    ).aggregate(total=Sum(F("amount") - F("refunded_amount")))["total"]
    return paid or Decimal("0.00")


def amount_due(*, order: Order) -> Decimal:
    """What the customer still pays through a provider: the total less what gift cards paid."""
    return max(order.total_gross - paid_by_gift_cards(order=order), Decimal("0.00"))
