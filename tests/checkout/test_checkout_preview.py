"""The checkout summary is priced the way the order will be."""

from decimal import Decimal

import pytest

from comptoir.checkout.selectors import checkout_preview
from comptoir.core.money import Money, TaxedMoney
from tests.factories import ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db


def test_the_preview_adds_lines_and_shipping_like_the_order(make_cart, colissimo):
    shirt = VariantFactory(product=ProductFactory(retail_price=Decimal("95.00")))
    linen = VariantFactory(product=ProductFactory(retail_price=Decimal("120.00")))
    cart = make_cart((shirt, 2), (linen, 1))

    preview = checkout_preview(cart=cart, customer=None, shipping_option=colissimo)

    assert [(line.sku, line.quantity, line.total.gross.amount) for line in preview.lines] == [
        (shirt.sku, 2, Decimal("190.00")),
        (linen.sku, 1, Decimal("120.00")),
    ]
    assert preview.subtotal == TaxedMoney(net=Money(Decimal("258.34")), gross=Money(Decimal("310.00")))
    assert preview.shipping == TaxedMoney(net=Money(Decimal("4.92")), gross=Money(Decimal("5.90")))
    assert preview.total.gross == Money(Decimal("315.90"))
    assert preview.shipping_option is colissimo


def test_before_a_shipping_option_is_chosen_the_total_is_the_subtotal(make_cart):
    shirt = VariantFactory(product=ProductFactory(retail_price=Decimal("95.00")))
    preview = checkout_preview(cart=make_cart((shirt, 1)), customer=None)
    assert preview.shipping is None
    assert preview.total == preview.subtotal
