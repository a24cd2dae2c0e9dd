"""Adding, changing and removing cart lines: live stock, the line maximum, another person's cart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.cart.errors import CartError
from comptoir.cart.models import Cart, CartLine
from comptoir.cart.services.edit_cart import add_to_cart, change_quantity, remove_line
from comptoir.catalog.models import ProductStatus
from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    product = ProductFactory(name_fr="Chemise Oxford", retail_price=Decimal("95.00"))
    return VariantFactory(
        product=product, colour=ColourFactory(name_fr="Bleu ciel"), size=SizeFactory(label="41"), on_hand=3
    )


def test_adding_twice_makes_one_line_with_both_quantities(shirt):
    cart = Cart.objects.create()
    add_to_cart(cart=cart, variant_id=shirt.pk, quantity=1)
    line = add_to_cart(cart=cart, variant_id=str(shirt.pk), quantity="2")
    assert CartLine.objects.filter(cart=cart).count() == 1
    assert line.quantity == 3
    assert line.seen_unit_price == Decimal("95.00")


def test_asking_for_more_than_is_left_says_how_many_and_changes_nothing(shirt):
    cart = Cart.objects.create()
    add_to_cart(cart=cart, variant_id=shirt.pk, quantity=2)
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=cart, variant_id=shirt.pk, quantity=2)
    assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 41) : plus que 3 pièces disponibles."]
    assert cart.lines.get().quantity == 2


def test_a_sold_out_size_cannot_be_added(shirt):
    shirt.stock.on_hand = 0
    shirt.stock.save()
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=Cart.objects.create(), variant_id=shirt.pk)
    assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 41) : épuisé."]
    assert not CartLine.objects.exists()


@pytest.mark.parametrize("quantity", ["0", "-1", "1.5", "deux", "", "1e3"])
def test_quantities_that_are_not_whole_positive_numbers_are_refused(shirt, quantity):
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=Cart.objects.create(), variant_id=shirt.pk, quantity=quantity)
    assert refused.value.messages == ["La quantité doit être un nombre entier positif."]
    assert not CartLine.objects.exists()


def test_more_than_ten_of_one_shirt_is_refused_even_with_stock(shirt):
    shirt.stock.on_hand = 50
    shirt.stock.save()
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=Cart.objects.create(), variant_id=shirt.pk, quantity=11)
    assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 41) : 10 pièces au plus par commande."]


@pytest.mark.parametrize("variant_id", ["999999", "abc", "", "1; DROP TABLE"])
def test_an_unknown_product_is_refused(variant_id):
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=Cart.objects.create(), variant_id=variant_id)
    assert refused.value.messages == ["Ce produit n'existe pas."]


def test_a_withdrawn_product_cannot_be_added(shirt):
    shirt.product.status = ProductStatus.ARCHIVED
    shirt.product.save()
    with pytest.raises(CartError) as refused:
        add_to_cart(cart=Cart.objects.create(), variant_id=shirt.pk)
    assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 41) n'est plus en vente."]


def test_changing_to_zero_removes_the_line_and_lowering_never_checks_stock(shirt):
    cart = Cart.objects.create()
    line = add_to_cart(cart=cart, variant_id=shirt.pk, quantity=3)
    shirt.stock.on_hand = 1  # sold elsewhere meanwhile: lowering to 2 is still allowed
    shirt.stock.save()
    assert change_quantity(cart=cart, line_id=line.pk, quantity="2").quantity == 2
    assert change_quantity(cart=cart, line_id=line.pk, quantity="0") is None
    assert not cart.lines.exists()


def test_nobody_changes_or_removes_a_line_of_another_cart(shirt):
    mine, theirs = Cart.objects.create(), Cart.objects.create()
    their_line = add_to_cart(cart=theirs, variant_id=shirt.pk, quantity=1)
    with pytest.raises(CartError):
        change_quantity(cart=mine, line_id=their_line.pk, quantity="3")
    remove_line(cart=mine, line_id=their_line.pk)
    assert theirs.lines.get().quantity == 1
