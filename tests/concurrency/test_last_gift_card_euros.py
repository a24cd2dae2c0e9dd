"""Two orders race for the last 50 € of a gift card: one gets them, the other is refused, never below 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.checkout.errors import InvalidGiftCard
from comptoir.orders.models import Order
from comptoir.payments.models import GIFT_CARD_PROVIDER, GiftCard, Payment
from comptoir.payments.services.issue_gift_card import issue_gift_card
from tests.concurrency.boutique import race_to_buy, unexpected_errors
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_euros_of_a_card_pay_one_order(threads_database):
    variant = VariantFactory(on_hand=100)
    card = issue_gift_card(amount=Decimal("50.00"), recipient_email="ami@example.com", language="fr")

    outcomes = race_to_buy(variant=variant, buyers=2, key="gift-card-race", gift_card_code=card.code)

    assert unexpected_errors(outcomes, InvalidGiftCard) == []
    assert sum(1 for o in outcomes if o.error is None) == 1
    assert GiftCard.objects.get().balance == Decimal("0.00")
    assert [payment.amount for payment in Payment.objects.filter(provider=GIFT_CARD_PROVIDER)] == [
        Decimal("50.00")
    ]
    assert Order.objects.count() == 1
