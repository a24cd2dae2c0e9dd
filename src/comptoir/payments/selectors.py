"""Reads for payment pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from comptoir.core.money import Money

from .gift_cards import normalise_code
from .models import GiftCard, Payment
from .providers.bank_transfer import BankTransferProvider
from .providers.base import PaymentProvider
from .providers.registry import enabled_providers


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


def online_payment_providers() -> list[PaymentProvider]:
    """The enabled providers that take a card on their own page (Stripe; the demo's in the demo).

    What a reseller paying in advance may choose besides the transfer their confirmation describes.
    """
    return [provider for provider in enabled_providers() if provider.code != BankTransferProvider.code]
