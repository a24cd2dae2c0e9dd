"""Reads for the checkout page: the summary the customer sees is priced exactly as the order will be."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from comptoir.core.money import TaxedMoney

from .pricing import PricedLine, price_items
from .services.place_order import cart_items, shipping_choice


@dataclass(frozen=True, slots=True)
class CheckoutPreview:
    lines: list[PricedLine]
    subtotal: TaxedMoney
    shipping: TaxedMoney | None
    total: TaxedMoney
    prices_include_tax: bool
    shipping_option: Any  # the option chosen so far, or None


def checkout_preview(*, cart: Any, customer: Any, shipping_option: Any = None) -> CheckoutPreview:
    """Lines, subtotal, shipping and total from the customer's pricing policy, as ``place_order`` prices them.

    Only for display: ``place_order`` prices the cart again inside its transaction.
    """
    shipping = shipping_choice(shipping_option).price if shipping_option is not None else None
    priced = price_items(items=cart_items(cart), customer=customer, shipping=shipping)
    return CheckoutPreview(
        lines=priced.lines,
        subtotal=priced.subtotal,
        shipping=priced.shipping,
        total=priced.total,
        prices_include_tax=priced.prices_include_tax,
        shipping_option=shipping_option,
    )
