"""Eight buyers use the last remaining use of a code at the same instant: one gets it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.checkout.errors import InvalidDiscount
from comptoir.orders.models import Order
from comptoir.promotions.models import DiscountCode, Redemption
from tests.concurrency.boutique import race_to_buy, unexpected_errors
from tests.factories import VariantFactory
from tests.factories.promotions import DiscountCodeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_use_of_a_code_is_redeemed_once(threads_database):
    variant = VariantFactory(on_hand=100)
    DiscountCodeFactory(code="DERNIER", value=Decimal("15"), max_uses=5, uses_count=4)

    outcomes = race_to_buy(variant=variant, buyers=8, key="last-use-buyer", discount_code="DERNIER")

    assert unexpected_errors(outcomes, InvalidDiscount) == []
    assert sum(1 for o in outcomes if o.error is None) == 1
    assert DiscountCode.objects.get().uses_count == 5
    assert Redemption.objects.count() == 1
    assert Order.objects.count() == 1
