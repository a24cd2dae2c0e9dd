"""The bag as a visitor uses it: add from the product page, change, remove; with htmx and without."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from comptoir.cart.models import Cart, CartLine
from tests.factories import ColourFactory, ProductFactory, SizeFactory, UserFactory, VariantFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def shirt():
    product = ProductFactory(name_fr="Chemise Oxford", name_en="Oxford shirt", retail_price=Decimal("95.00"))
    return VariantFactory(
        product=product, colour=ColourFactory(name_fr="Bleu ciel"), size=SizeFactory(label="41"), on_hand=2
    )


def add(client, variant, quantity="1", **extra):
    return client.post(reverse("storefront:cart_add"), {"variant": variant.pk, "quantity": quantity}, **extra)


def test_the_product_page_has_an_add_to_cart_form_for_the_chosen_size(client, shirt):
    page = client.get(shirt.product.get_absolute_url(), {"size": shirt.size.slug}).content.decode()
    assert f'action="{reverse("storefront:cart_add")}"' in page
    assert f'name="variant" value="{shirt.pk}"' in page
    assert "Ajouter au panier" in page


def test_without_javascript_adding_leads_to_the_cart_which_lists_the_line(client, shirt):
    response = add(client, shirt)
    assert response.status_code == 302 and response["Location"] == reverse("storefront:cart")

    page = client.get(reverse("storefront:cart")).content.decode()
    assert "Chemise Oxford" in page and "Bleu ciel / 41" in page
    assert "Chemise Oxford est dans votre panier." in page
    assert "95,00" in page
    assert 'class="site-cart__count"' in page  # the header's bag shows the count


def test_with_htmx_adding_answers_a_confirmation_and_the_updated_mini_cart(client, shirt):
    response = add(client, shirt, quantity="2", **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ajouté à votre panier." in body
    assert 'id="mini-cart"' in body and 'hx-swap-oob="true"' in body
    assert '<span aria-hidden="true">2</span>' in body


def test_asking_more_than_is_left_is_refused_next_to_the_button(client, shirt):
    response = add(client, shirt, quantity="3", **HTMX)
    assert "plus que 2 pièces disponibles" in response.content.decode()
    assert not CartLine.objects.exists()

    back = shirt.product.get_absolute_url()
    response = client.post(
        reverse("storefront:cart_add"), {"variant": shirt.pk, "quantity": "3", "back": back}
    )
    assert response["Location"] == back
    assert not CartLine.objects.exists()


def test_the_back_address_never_leaves_the_shop(client, shirt):
    response = client.post(
        reverse("storefront:cart_add"), {"variant": "nope", "back": "//evil.example/phish"}
    )
    assert response["Location"] == reverse("storefront:cart")


def test_changing_and_removing_lines_with_htmx_rerenders_the_cart(client, shirt):
    add(client, shirt)
    line = CartLine.objects.get()
    url = reverse("storefront:cart_line", args=[line.pk])

    body = client.post(url, {"quantity": "2"}, **HTMX).content.decode()
    assert CartLine.objects.get().quantity == 2
    assert "190,00" in body and 'id="mini-cart"' in body

    body = client.post(url, {"quantity": "7"}, **HTMX).content.decode()
    assert "plus que 2 pièces disponibles" in body
    assert CartLine.objects.get().quantity == 2

    body = client.post(url, {"quantity": "2", "remove": "1"}, **HTMX).content.decode()
    assert not CartLine.objects.exists()
    assert "Votre panier est vide." in body


def test_someone_else_s_line_cannot_be_touched(client, shirt):
    other_cart = Cart.objects.create()
    theirs = CartLine.objects.create(cart=other_cart, variant=shirt, quantity=1)
    add(client, shirt)
    client.post(reverse("storefront:cart_line", args=[theirs.pk]), {"remove": "1"})
    client.post(reverse("storefront:cart_line", args=[theirs.pk]), {"quantity": "2"})
    assert CartLine.objects.get(pk=theirs.pk).quantity == 1


def test_a_bag_filled_as_a_guest_is_still_there_after_signing_in(client, shirt):
    customer = UserFactory(email="camille@example.com")
    customer.set_password("un-mot-de-passe-solide")
    customer.save()
    add(client, shirt)

    response = client.post(
        reverse("account_login"), {"login": "camille@example.com", "password": "un-mot-de-passe-solide"}
    )
    assert response.status_code == 302

    assert Cart.objects.get(customer=customer).lines.get().variant == shirt
    assert "Chemise Oxford" in client.get(reverse("storefront:cart")).content.decode()


def test_an_empty_cart_invites_back_to_the_shop_and_checkout_sends_back_to_it(client):
    assert "Votre panier est vide." in client.get(reverse("storefront:cart")).content.decode()
    response = client.get(reverse("storefront:checkout"))
    assert response["Location"] == reverse("storefront:cart")


def test_the_cart_speaks_english_at_its_english_address(client, shirt):
    add(client, shirt)
    page = client.get("/en/cart/").content.decode()
    assert "Your bag" in page and "Oxford shirt" in page
