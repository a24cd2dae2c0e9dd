"""Boutique buyers racing at the checkout: one cart each, the same address and delivery, one click."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from comptoir.cart.models import Cart, CartLine
from comptoir.catalog.models import Variant
from comptoir.checkout.services.place_order import place_order
from comptoir.orders.models import Order
from tests.checkout.conftest import PARIS, colissimo_option
from tests.concurrency.helpers import Outcome, run_at_once


def cart_with(items: Iterable[tuple[Variant, int]]) -> Cart:
    cart = Cart.objects.create()
    CartLine.objects.bulk_create(CartLine(cart=cart, variant=v, quantity=q) for v, q in items)
    return cart


def buy(*, cart: Cart, index: int, key: str, shipping: Any, **checkout: Any) -> Order:
    """Buyer ``index`` places ``cart`` by bank transfer; ``checkout`` adds a code or a gift card."""
    return place_order(
        cart=cart,
        customer=None,
        email=f"buyer{index}@example.com",
        shipping_address=PARIS,
        billing_address=None,
        shipping_option=shipping,
        payment_method="bank_transfer",
        idempotency_key=key,
        language="fr",
        terms_accepted=True,
        **checkout,
    )


def race_to_buy(*, variant: Variant, buyers: int, key: str, **checkout: Any) -> list[Outcome]:
    """``buyers`` carts of one piece of ``variant`` placed at the same instant."""
    shipping = colissimo_option()
    carts = [cart_with([(variant, 1)]) for _ in range(buyers)]
    return run_at_once(
        lambda index: buy(
            cart=carts[index], index=index, key=f"{key}-{index:04d}", shipping=shipping, **checkout
        ),
        threads=buyers,
    )


def unexpected_errors(outcomes: list[Outcome], expected: type[BaseException]) -> list[str]:
    return [repr(o.error) for o in outcomes if o.error is not None and not isinstance(o.error, expected)]
