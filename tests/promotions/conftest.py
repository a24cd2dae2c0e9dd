"""Placing orders with a code needs the checkout tests' cart and shipping option."""

from tests.checkout.conftest import colissimo, make_cart  # noqa: F401
