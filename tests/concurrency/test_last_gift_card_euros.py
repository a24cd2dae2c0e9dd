"""Two orders race for the last 50 € of a gift card: one gets them, the other is refused, never below 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.models import Cart, CartLine
from comptoir.checkout.errors import InvalidGiftCard
from comptoir.checkout.services.place_order import place_order
from comptoir.orders.models import Order
from comptoir.payments.models import GIFT_CARD_PROVIDER, GiftCard, Payment
from comptoir.payments.services.issue_gift_card import issue_gift_card
from tests.checkout.conftest import PARIS, colissimo_option
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db(transaction=True)

BUYERS = 2


def test_the_last_euros_of_a_card_pay_one_order(threads_database):
    variant = VariantFactory(on_hand=100)
    card = issue_gift_card(amount=Decimal("50.00"), recipient_email="ami@example.com", language="fr")
    shipping = colissimo_option()
    carts = []
    for _ in range(BUYERS):
        cart = Cart.objects.create()
        CartLine.objects.create(cart=cart, variant=variant, quantity=1)
        carts.append(cart)

    def buy(index: int) -> Order:
        return place_order(
            cart=carts[index],
            customer=None,
            email=f"buyer{index}@example.com",
            shipping_address=PARIS,
            billing_address=None,
            shipping_option=shipping,
            payment_method="bank_transfer",
            idempotency_key=f"gift-card-race-{index:04d}",
            language="fr",
            terms_accepted=True,
            gift_card_code=card.code,
        )

    outcomes = run_at_once(buy, threads=BUYERS)

    unexpected = [repr(o.error) for o in outcomes if o.error and not isinstance(o.error, InvalidGiftCard)]
    assert unexpected == []
    assert sum(1 for o in outcomes if o.error is None) == 1
    assert GiftCard.objects.get().balance == Decimal("0.00")
    assert [payment.amount for payment in Payment.objects.filter(provider=GIFT_CARD_PROVIDER)] == [
        Decimal("50.00")
    ]
    assert Order.objects.count() == 1
