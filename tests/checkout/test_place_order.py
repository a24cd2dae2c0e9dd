"""Placing an order: prices from the policy, stock held, everything frozen, once per submission."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from comptoir.catalog.models import ProductStatus
from comptoir.checkout.errors import (
    EmptyCart,
    InvalidQuantity,
    ItemsUnavailable,
    OutOfStock,
    TermsNotAccepted,
)
from comptoir.checkout.services import place_order as place_order_module
from comptoir.checkout.services.place_order import place_order
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order, OrderEvent, OrderLine, OrderStatus
from comptoir.workflow import emails
from tests.checkout.conftest import LYON, PARIS
from tests.checkout.stand_ins import StandInCart
from tests.factories import ColourFactory, ProductFactory, SizeFactory, UserFactory, VariantFactory
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db

KEY = "k3y-0f-the-checkout-form-0001"


@pytest.fixture
def queued_emails(monkeypatch):
    queued: list[tuple[int, str]] = []
    monkeypatch.setattr(
        emails, "queue_order_email", lambda *, order_id, kind: queued.append((order_id, kind))
    )
    return queued


@pytest.fixture
def oxford():
    product = ProductFactory(name_fr="Chemise Oxford", name_en="Oxford shirt", retail_price=Decimal("95.00"))
    colour = ColourFactory(name_fr="Bleu ciel", name_en="Sky blue")
    return product, colour


def variant_of(product, colour, label, *, on_hand=10, **fields):
    return VariantFactory(
        product=product, colour=colour, size=SizeFactory(label=label), on_hand=on_hand, **fields
    )


def place(cart, shipping_option, **overrides):
    arguments = dict(
        cart=cart,
        customer=None,
        email="camille@example.com",
        shipping_address=PARIS,
        billing_address=None,
        shipping_option=shipping_option,
        payment_method="bank_transfer",
        idempotency_key=KEY,
        language="fr",
        terms_accepted=True,
    )
    arguments.update(overrides)
    return place_order(**arguments)


def counters(variant) -> tuple[int, int]:
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


def test_an_order_freezes_prices_addresses_and_shipping_and_holds_the_stock(
    oxford, make_cart, colissimo, queued_emails, django_capture_on_commit_callbacks
):
    product, colour = oxford
    size_39 = variant_of(product, colour, "39", sku="OXF-BLU-39")
    size_41 = variant_of(product, colour, "41", sku="OXF-BLU-41", retail_price=Decimal("110.00"))
    customer = UserFactory()
    cart = make_cart((size_39, 2), (size_41, 1))

    with django_capture_on_commit_callbacks(execute=True):
        order = place(
            cart,
            colissimo,
            customer=customer,
            billing_address=LYON,
            pickup_point={
                "id": "075123",
                "name": "Tabac des Lilas",
                "address": "1 rue des Lilas, 75011 Paris",
            },
        )

    order.refresh_from_db()
    assert re.fullmatch(rf"{settings.COMPTOIR_ORDER_NUMBER_PREFIX}-\d\d-\d{{6}}", order.number)
    assert order.status == OrderStatus.PLACED
    assert (order.customer, order.email, order.language) == (customer, "camille@example.com", "fr")
    assert order.shipping_address == PARIS.to_dict()
    assert order.billing_address == LYON.to_dict()
    assert (order.shipping_method_name, order.shipping_carrier) == ("Colissimo suivi", "colissimo")
    assert order.pickup_point == {
        "id": "075123",
        "name": "Tabac des Lilas",
        "address": "1 rue des Lilas, 75011 Paris",
    }
    # 2 × 95,00 + 110,00 TTC; net per unit 79,17 and 91,67 (95/1,2 and 110/1,2, rounded half up).
    assert (order.subtotal_gross, order.subtotal_net) == (Decimal("300.00"), Decimal("250.01"))
    assert (order.shipping_gross, order.shipping_net, order.shipping_vat_rate) == (
        Decimal("5.90"),
        Decimal("4.92"),
        Decimal("0.2000"),
    )
    assert (order.total_gross, order.total_net) == (Decimal("305.90"), Decimal("254.93"))
    assert (order.currency, order.prices_include_tax, order.payment_method) == ("EUR", True, "bank_transfer")
    assert order.idempotency_key == KEY
    assert order.terms_accepted_at is not None
    lines = list(
        OrderLine.objects.filter(order=order).values_list(
            "variant",
            "product_name",
            "options_label",
            "sku",
            "quantity",
            "unit_gross",
            "unit_net",
            "vat_rate",
            "total_gross",
            "total_net",
        )
    )
    assert lines == [
        (size_39.pk, "Chemise Oxford", "Bleu ciel / 39", "OXF-BLU-39", 2, Decimal("95.00"), Decimal("79.17"),
         Decimal("0.2000"), Decimal("190.00"), Decimal("158.34")),
        (size_41.pk, "Chemise Oxford", "Bleu ciel / 41", "OXF-BLU-41", 1, Decimal("110.00"), Decimal("91.67"),
         Decimal("0.2000"), Decimal("110.00"), Decimal("91.67")),
    ]  # fmt: skip
    assert counters(size_39) == (10, 2)
    assert counters(size_41) == (10, 1)
    assert cart.lines.count() == 0
    event = OrderEvent.objects.get(order=order)
    assert (event.kind, event.to_status, event.actor, event.actor_label) == (
        "placed",
        "placed",
        customer,
        "customer",
    )
    assert queued_emails == [(order.pk, "confirmation")]


def test_the_order_is_frozen_in_the_customer_s_language(oxford, make_cart, colissimo):
    product, colour = oxford
    order = place(make_cart((variant_of(product, colour, "40"), 1)), colissimo, language="en")
    line = order.lines.get()
    assert (order.language, line.product_name, line.options_label) == ("en", "Oxford shirt", "Sky blue / 40")


def test_a_guest_or_an_anonymous_visitor_places_an_order_without_an_account(oxford, make_cart, colissimo):
    product, colour = oxford
    order = place(make_cart((variant_of(product, colour, "40"), 1)), colissimo, customer=AnonymousUser())
    assert order.customer is None
    assert OrderEvent.objects.get(order=order).actor is None


def test_prices_come_from_the_catalogue_at_placement_not_from_the_cart(oxford, make_cart, colissimo):
    product, colour = oxford
    variant = variant_of(product, colour, "40")
    cart = make_cart((variant, 1))
    cart.lines.update(seen_unit_price=Decimal("1.00"))  # the price the customer saw in her cart
    product.retail_price = Decimal("99.00")  # the founder changed the price since the cart was filled
    product.save()

    order = place(cart, colissimo)

    assert (order.subtotal_gross, order.total_gross) == (Decimal("99.00"), Decimal("104.90"))
    assert order.lines.get().unit_gross == Decimal("99.00")


def test_the_same_submission_twice_gives_the_same_order_and_holds_the_stock_once(
    oxford, make_cart, colissimo, queued_emails, django_capture_on_commit_callbacks
):
    product, colour = oxford
    variant = variant_of(product, colour, "40", on_hand=5)
    with django_capture_on_commit_callbacks(execute=True):
        first = place(make_cart((variant, 2)), colissimo)
        second = place(
            make_cart((variant, 2)), colissimo
        )  # a double click: the cart was emptied, a new one built
    assert second.pk == first.pk
    assert Order.objects.count() == 1
    assert counters(variant) == (5, 2)
    assert OrderEvent.objects.filter(order=first).count() == 1
    assert queued_emails == [(first.pk, "confirmation")]


def test_a_twin_that_wins_the_race_is_returned_by_the_loser(oxford, make_cart, colissimo):
    # What a PostgreSQL loser sees: the lookup found nothing, then the INSERT hits the unique key.
    product, colour = oxford
    variant = variant_of(product, colour, "40", on_hand=5)
    twin = place(make_cart((variant, 1)), colissimo)
    loser = Order(
        **{f.attname: getattr(twin, f.attname) for f in Order._meta.concrete_fields if not f.primary_key}
    )
    assert place_order_module.insert_order(order=loser, now=twin.created_at) == twin
    assert Order.objects.count() == 1


def test_a_clash_of_random_numbers_draws_another(oxford, make_cart, colissimo, monkeypatch):
    product, colour = oxford
    variant = variant_of(product, colour, "40")
    first = place(make_cart((variant, 1)), colissimo)
    draws = iter([first.number, "ML-26-424242"])
    monkeypatch.setattr(place_order_module, "new_order_number", lambda *, now: next(draws))
    second = place(make_cart((variant, 1)), colissimo, idempotency_key="another-submission-0002")
    assert second.number == "ML-26-424242"
    assert counters(variant) == (10, 2)


@pytest.mark.parametrize("quantity", [0, -1, 11, 2.5, "3", True, None])
def test_bad_quantities_are_refused_and_nothing_changes(oxford, colissimo, quantity):
    # The cart's own checks and constraints keep these out; placement refuses them again, whatever
    # a bug or a tampered row might hand it, so this cart is a stand-in able to hold them.
    product, colour = oxford
    variant = variant_of(product, colour, "40")
    cart = StandInCart.with_items([(variant, quantity)])
    with pytest.raises(InvalidQuantity) as refused:
        place(cart, colissimo)
    if quantity == 11:
        assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 40) : 10 pièces au plus par commande."]
    else:
        assert refused.value.messages == [
            "Chemise Oxford (Bleu ciel / 40) : la quantité doit être un nombre entier positif."
        ]
    assert not Order.objects.exists()
    assert counters(variant) == (10, 0)
    assert cart.lines.count() == 1


def test_ten_of_one_shirt_is_the_most_a_retail_order_takes(oxford, make_cart, colissimo):
    product, colour = oxford
    variant = variant_of(product, colour, "40", on_hand=20)
    order = place(make_cart((variant, 10)), colissimo)
    assert order.lines.get().quantity == 10


def test_stock_bought_by_someone_else_meanwhile_is_explained_and_nothing_is_placed(
    oxford, make_cart, colissimo, queued_emails, django_capture_on_commit_callbacks
):
    product, colour = oxford
    plenty = variant_of(product, colour, "39", on_hand=10)
    size_41 = variant_of(product, colour, "41", on_hand=3)
    size_42 = variant_of(product, colour, "42", on_hand=1)
    cart = make_cart((plenty, 1), (size_41, 3), (size_42, 1))
    # Between the cart and the click, other customers took one 41 and the last 42.
    StockRecord.objects.filter(variant=size_41).update(reserved=1)
    StockRecord.objects.filter(variant=size_42).update(reserved=1)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(OutOfStock) as refused:
        place(cart, colissimo)

    assert refused.value.messages == [
        "Chemise Oxford (Bleu ciel / 41) : plus que 2 pièces disponibles (3 demandées)",
        "Chemise Oxford (Bleu ciel / 42) : épuisé",
    ]
    assert not Order.objects.exists()
    assert not OrderEvent.objects.exists()
    assert counters(plenty) == (10, 0)
    assert counters(size_41) == (3, 1)
    assert counters(size_42) == (1, 1)
    assert cart.lines.count() == 3
    assert queued_emails == []


def test_a_product_withdrawn_from_sale_meanwhile_is_explained(oxford, make_cart, colissimo):
    product, colour = oxford
    variant = variant_of(product, colour, "40")
    cart = make_cart((variant, 1))
    product.status = ProductStatus.ARCHIVED
    product.save()
    with pytest.raises(ItemsUnavailable) as refused:
        place(cart, colissimo)
    assert refused.value.messages == ["Chemise Oxford (Bleu ciel / 40) n'est plus en vente."]
    assert not Order.objects.exists()
    assert counters(variant) == (10, 0)


def test_terms_must_be_accepted(oxford, make_cart, colissimo):
    product, colour = oxford
    variant = variant_of(product, colour, "40")
    with pytest.raises(TermsNotAccepted) as refused:
        place(make_cart((variant, 1)), colissimo, terms_accepted=False)
    assert refused.value.messages == ["Acceptez les conditions générales de vente pour commander."]
    assert not Order.objects.exists()
    assert counters(variant) == (10, 0)


def test_an_empty_cart_places_nothing(make_cart, colissimo):
    with pytest.raises(EmptyCart):
        place(make_cart(), colissimo)
    assert not Order.objects.exists()


def test_an_order_placed_during_a_sale_is_charged_the_sale_price(oxford, make_cart, colissimo, queued_emails):
    product, colour = oxford
    size_39 = variant_of(product, colour, "39")
    make_sale(products=[product], value="20")

    order = place(make_cart((size_39, 2)), colissimo)

    line = order.lines.get()
    assert (line.unit_gross, line.total_gross) == (Decimal("76.00"), Decimal("152.00"))
    assert (order.subtotal_gross, order.total_gross) == (Decimal("152.00"), Decimal("157.90"))


def test_an_order_placed_after_the_sale_ended_is_charged_the_regular_price(
    oxford, make_cart, colissimo, queued_emails
):
    product, colour = oxford
    size_39 = variant_of(product, colour, "39")
    make_sale(products=[product], value="20", starts=-10, ends=-1)

    order = place(make_cart((size_39, 1)), colissimo)

    assert order.lines.get().unit_gross == Decimal("95.00")
