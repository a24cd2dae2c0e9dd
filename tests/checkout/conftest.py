"""What placing an order needs around it: a cart, a shipping option, addresses.

``make_cart`` and ``colissimo`` are the only places that know how the cart and shipping apps build
these, so the placement tests read the same whichever way those apps store them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.models import Cart, CartLine
from comptoir.core.addresses import PostalAddress
from tests.checkout.stand_ins import standin_shipping_option

PARIS = PostalAddress(
    first_name="Camille",
    last_name="Durand",
    line1="12 rue des Lilas",
    postcode="75011",
    city="Paris",
    country="FR",
    phone="+33612345678",
)
LYON = PostalAddress(
    first_name="Camille",
    last_name="Durand",
    company="Atelier Durand",
    line1="3 quai Saint-Vincent",
    postcode="69001",
    city="Lyon",
    country="FR",
)


@pytest.fixture
def make_cart():
    """A real cart holding ``(variant, quantity)`` pairs, as a guest leaves it."""

    def make(*items):
        cart = Cart.objects.create()
        for variant, quantity in items:
            CartLine.objects.create(cart=cart, variant=variant, quantity=quantity)
        return cart

    return make


@pytest.fixture
def colissimo():
    return standin_shipping_option(name="Colissimo suivi", carrier="colissimo", gross=Decimal("5.90"))
