"""What placing an order needs around it: a cart, a shipping option, addresses.

``make_cart`` and ``colissimo`` are the only places that know how the cart and shipping apps build
these, so the placement tests read the same whichever way those apps store them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.models import Cart, CartLine
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import Money
from comptoir.shipping.models import Carrier
from comptoir.shipping.selectors import ShippingOption, shipping_option
from tests.factories.shipping import WeightBandFactory

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


def colissimo_option(*, price: str = "5.90") -> ShippingOption:
    """Colissimo to France at a flat price, as the shipping app offers it at checkout."""
    band = WeightBandFactory(
        method__name_fr="Colissimo suivi",
        method__carrier=Carrier.COLISSIMO,
        method__zone__countries=["FR"],
        max_weight_grams=30_000,
        price=Decimal(price),
    )
    option = shipping_option(
        method_id=band.method_id, country="FR", weight_grams=0, subtotal_gross=Money(Decimal("0"))
    )
    assert option is not None
    return option


@pytest.fixture
def colissimo():
    return colissimo_option()
