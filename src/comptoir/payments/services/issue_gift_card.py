"""Issue a gift card and send its code to the person it is for, once the card exists for good."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from comptoir.core.money import DEFAULT_CURRENCY, Money, format_money
from comptoir.marketing.emails import build_email, public_url
from comptoir.notifications.jobs import enqueue
from comptoir.orders.models import Order

from ..gift_cards import new_code
from ..models import GiftCard, GiftCardMovement, GiftCardMovementKind

CODE_ATTEMPTS = 5


def issue_gift_card(
    *,
    amount: Decimal,
    recipient_email: str,
    language: str,
    sender_name: str = "",
    message: str = "",
    purchase_order: Order | None = None,
    expires_at: datetime | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> GiftCard:
    """A new card worth ``amount``; its code is emailed to ``recipient_email`` after commit."""
    if amount <= 0:
        raise ValueError("A gift card is worth a positive amount.")
    with transaction.atomic():
        card = _insert_with_a_free_code(
            GiftCard(
                initial_amount=amount,
                balance=amount,
                currency=currency,
                recipient_email=recipient_email,
                sender_name=sender_name,
                message=message,
                purchase_order=purchase_order,
                expires_at=expires_at,
            )
        )
        GiftCardMovement.objects.create(
            gift_card=card,
            kind=GiftCardMovementKind.ISSUED,
            amount=amount,
            balance_after=amount,
            order=purchase_order,
        )
        transaction.on_commit(partial(enqueue, send_gift_card_email, gift_card_id=card.pk, language=language))
    return card


def issue_gift_cards_for_order(*, order: Order) -> list[GiftCard]:
    """Each gift-card piece of a paid order becomes a card of its price, emailed to the buyer; once.

    Called in the transaction that marks the order paid (the order row is locked): a second call
    finds the cards already there and issues none.
    """
    if GiftCard.objects.filter(purchase_order=order).exists():
        return []
    lines = order.lines.filter(variant__product__is_gift_card=True).order_by("pk")
    return [
        issue_gift_card(
            amount=line.unit_gross,
            recipient_email=order.email,
            language=order.language,
            purchase_order=order,
            currency=order.currency,
        )
        for line in lines
        for _piece in range(line.quantity)
    ]


def _insert_with_a_free_code(card: GiftCard) -> GiftCard:
    for _attempt in range(CODE_ATTEMPTS):
        card.code = new_code()
        try:
            with transaction.atomic():
                card.save(force_insert=True)
        except IntegrityError:
            if GiftCard.objects.filter(code=card.code).exists():
                card.pk = None
                continue
            raise
        return card
    raise RuntimeError(f"No free gift card code after {CODE_ATTEMPTS} draws.")


def send_gift_card_email(*, gift_card_id: int, language: str) -> None:
    card = GiftCard.objects.get(pk=gift_card_id)
    with translation.override(language):
        amount = format_money(Money(card.initial_amount, card.currency))
        subject = _("Une carte cadeau de %(amount)s pour vous") % {"amount": amount}
    build_email(
        to=card.recipient_email,
        subject=subject,
        template="gift_card",
        context={
            "amount": amount,
            "code": card.code,
            "sender_name": card.sender_name,
            "message": card.message,
            "expires_at": card.expires_at,
            "shop_url": public_url("storefront:home", language=language),
            "balance_url": public_url("storefront:gift_card_balance", language=language),
        },
        language=language,
    ).send()
