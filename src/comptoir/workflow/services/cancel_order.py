"""An order that will not be shipped: its pieces go back on sale, what gift cards paid of it goes
back on them and its discount code's use is counted back, together.

Orders' ``cancel_order`` moves the order and releases its stock; payments credits the cards back
(``credit_back_gift_cards``: the card, not a bank, and no network). A paid order still needs a refund
of what a provider took (``refund_order_payments``).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from comptoir.accounts.models import User
from comptoir.orders.models import Order
from comptoir.orders.services.cancel_order import cancel_order
from comptoir.payments.services.credit_gift_card import credit_back_gift_cards
from comptoir.promotions.services.release_redemption import release_redemption


def cancel_order_and_credit_back(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Order:
    """Cancel ``order``, give back its gift cards' money and its code's use; a repeat changes nothing."""
    with transaction.atomic():
        order = cancel_order(order=order, actor=actor, actor_label=actor_label, reason=reason, now=now)
        credit_back_gift_cards(order_id=order.pk)
        release_redemption(order_id=order.pk)
    return order
