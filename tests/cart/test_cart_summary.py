"""The cart re-checks every line against live stock and live prices and says plainly what changed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.models import Cart, CartLine
from comptoir.cart.selectors import cart_item_count, cart_summary
from comptoir.cart.services.edit_cart import note_prices_seen
from comptoir.cart.services.open_cart import merge_guest_cart
from comptoir.core.money import Money
from tests.factories import ColourFactory, ProductFactory, SizeFactory, UserFactory, VariantFactory
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db


def shirt(*, size="41", on_hand=5, price="95.00", weight=320):
    product = ProductFactory(name_fr="Chemise Oxford", retail_price=Decimal(price))
    return VariantFactory(
        product=product,
        colour=ColourFactory(name_fr="Bleu ciel"),
        size=SizeFactory(label=size),
        on_hand=on_hand,
        weight_grams=weight,
    )


def cart_with(*items, customer=None):
    cart = Cart.objects.create(customer=customer)
    for variant, quantity in items:
        CartLine.objects.create(
            cart=cart, variant=variant, quantity=quantity, seen_unit_price=Decimal("95.00")
        )
    return cart


def test_totals_count_and_weight_come_from_live_prices():
    cart = cart_with((shirt(), 2), (shirt(price="120.00", weight=400), 1))
    summary = cart_summary(cart=cart, customer=None)
    assert summary.subtotal.gross.amount == Decimal("310.00")
    # The VAT of each line, added up as the order and its invoice will add it: 2 × 15.83 + 20.00.
    assert summary.subtotal.tax.amount == Decimal("51.66")
    assert (summary.item_count, summary.weight_grams) == (3, 1040)


def test_a_line_asking_more_than_is_left_is_explained_and_blocks_checkout():
    variant = shirt(on_hand=2)
    summary = cart_summary(cart=cart_with((variant, 3)), customer=None)
    assert summary.notices == [
        "Chemise Oxford (Bleu ciel / 41) : plus que 2 pièces disponibles (3 demandées)"
    ]
    assert not summary.can_checkout


def test_a_price_change_is_told_once_and_does_not_block_checkout():
    variant = shirt()
    cart = cart_with((variant, 1))
    variant.product.retail_price = Decimal("89.00")
    variant.product.save()

    summary = cart_summary(cart=cart, customer=None)
    assert summary.notices == [
        "Le prix de Chemise Oxford (Bleu ciel / 41) a changé : 95,00\xa0€ → 89,00\xa0€."
    ]
    assert summary.can_checkout

    note_prices_seen(cart=cart, prices=summary.shown_prices())
    assert cart_summary(cart=cart, customer=None).notices == []


def test_summary_queries_do_not_grow_with_the_number_of_lines(django_assert_max_num_queries):
    cart = cart_with(*[(shirt(size=str(40 + index)), 1) for index in range(8)])
    with django_assert_max_num_queries(4):
        summary = cart_summary(cart=cart, customer=None)
    assert len(summary.lines) == 8


def test_signing_in_merges_the_guest_cart_into_hers_within_stock_and_the_maximum():
    customer = UserFactory()
    both, only_guest = shirt(on_hand=4), shirt(size="42")
    mine = cart_with((both, 3), customer=customer)
    guest = cart_with((both, 2), (only_guest, 1))

    merged = merge_guest_cart(customer=customer, guest_cart_id=guest.pk)

    assert merged.pk == mine.pk
    assert {line.variant_id: line.quantity for line in merged.lines.all()} == {both.pk: 4, only_guest.pk: 1}
    assert not Cart.objects.filter(pk=guest.pk).exists()
    assert cart_item_count(customer=customer) == 5


def test_a_customer_without_a_cart_takes_over_the_guest_cart():
    customer = UserFactory()
    guest = cart_with((shirt(), 2))
    merged = merge_guest_cart(customer=customer, guest_cart_id=guest.pk)
    assert merged.pk == guest.pk
    assert Cart.objects.get(pk=guest.pk).customer == customer


def test_a_guest_never_reaches_a_customer_cart_by_its_id():
    customer = UserFactory()
    hers = cart_with((shirt(), 2), customer=customer)
    assert cart_item_count(cart_id=hers.pk) == 0
    assert merge_guest_cart(customer=UserFactory(), guest_cart_id=hers.pk) is None
    assert hers.lines.get().quantity == 2


def test_a_line_on_sale_costs_the_sale_price_and_shows_the_reference():
    on_sale, regular = shirt(price="100.00"), shirt(size="42", price="80.00")
    make_sale(products=[on_sale.product], value="30")

    summary = cart_summary(cart=cart_with((on_sale, 2), (regular, 1)), customer=None)

    line = summary.lines[0]
    assert (line.displayed_unit, line.displayed_total) == (Money(Decimal("70.00")), Money(Decimal("140.00")))
    assert line.quote.displayed_reference == Money(Decimal("100.00"))
    assert summary.lines[1].quote.is_reduced is False
    assert summary.subtotal.gross == Money(Decimal("220.00"))
