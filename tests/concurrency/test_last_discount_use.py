"""Eight buyers use the last remaining use of a code at the same instant: one gets it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.models import Cart, CartLine
from comptoir.checkout.errors import InvalidDiscount
from comptoir.checkout.services.place_order import place_order
from comptoir.orders.models import Order
from comptoir.promotions.models import DiscountCode, Redemption
from tests.checkout.conftest import PARIS, colissimo_option
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory
from tests.factories.promotions import DiscountCodeFactory

pytestmark = pytest.mark.django_db(transaction=True)

BUYERS = 8


def test_the_last_use_of_a_code_is_redeemed_once(threads_database):
    variant = VariantFactory(on_hand=100)
    DiscountCodeFactory(code="DERNIER", value=Decimal("15"), max_uses=5, uses_count=4)
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
            idempotency_key=f"last-use-buyer-{index:04d}",
            language="fr",
            terms_accepted=True,
            discount_code="DERNIER",
        )

    outcomes = run_at_once(buy, threads=BUYERS)

    unexpected = [repr(o.error) for o in outcomes if o.error and not isinstance(o.error, InvalidDiscount)]
    assert unexpected == []
    assert sum(1 for o in outcomes if o.error is None) == 1
    assert DiscountCode.objects.get().uses_count == 5
    assert Redemption.objects.count() == 1
    assert Order.objects.count() == 1
