"""Reads for payment pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from comptoir.core.money import Money

from .gift_cards import normalise_code
from .models import GiftCard, Payment


def payment_with_order(*, payment_id: int) -> Payment | None:
    return Payment.objects.select_related("order").filter(pk=payment_id).first()


@dataclass(frozen=True, slots=True)
class GiftCardBalance:
    """What the holder of a code may know: its value, what is left, until when. Never who bought it."""

    masked_code: str
    initial: Money
    balance: Money
    expires_at: datetime | None
    is_usable: bool


def gift_card_balance(*, code: str) -> GiftCardBalance | None:
    card = GiftCard.objects.filter(code=normalise_code(code)).first() if code.strip() else None
    if card is None or not card.is_active:
        return None
    expired = card.expires_at is not None and card.expires_at <= timezone.now()
    return GiftCardBalance(
        masked_code=card.masked_code,
        initial=Money(card.initial_amount, card.currency),
        balance=card.money_balance,
        expires_at=card.expires_at,
        is_usable=not expired and card.balance > 0,
    )
