"""A gift card pays part or all of an order: a means of payment, so the order's VAT does not move."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.checkout.errors import InvalidDiscount, InvalidGiftCard
from comptoir.checkout.pricing import CheckoutItem, price_items
from comptoir.checkout.selectors import checkout_preview
from comptoir.checkout.services.place_order import place_order
from comptoir.core.money import Money
from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import Invoice
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import GIFT_CARD_PROVIDER, GiftCard, GiftCardMovement, Payment, PaymentStatus
from comptoir.payments.services.issue_gift_card import issue_gift_card
from comptoir.payments.services.start_payment import start_payment
from comptoir.pricing.policy import quote
from comptoir.workflow.services.pay_order import mark_payment_paid
from tests.checkout.conftest import PARIS
from tests.factories import ProductFactory, VariantFactory
from tests.factories.promotions import DiscountCodeFactory
from tests.factories.sales import make_sale

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    return VariantFactory(product=ProductFactory(retail_price=Decimal("95.00")), on_hand=5)


def card(amount: str) -> GiftCard:
    return issue_gift_card(amount=Decimal(amount), recipient_email="ami@example.com", language="fr")


def place(cart, shipping_option, *, gift_card_code: str, key: str = "gift-card-order-0001"):
    return place_order(
        cart=cart,
        customer=None,
        email="camille@example.com",
        shipping_address=PARIS,
        billing_address=None,
        shipping_option=shipping_option,
        payment_method="bank_transfer",
        idempotency_key=key,
        language="fr",
        terms_accepted=True,
        gift_card_code=gift_card_code,
    )


def test_a_card_pays_part_of_the_order_and_the_provider_is_asked_for_the_rest(shirt, make_cart, colissimo):
    fifty = card("50.00")

    # Typed in lower case with spaces: the code is read all the same.
    order = place(make_cart((shirt, 1)), colissimo, gift_card_code=fifty.code.lower().replace("-", " "))

    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    # 95,00 + 5,90 TTC: the VAT is on the goods as always, the card changes none of it.
    assert (order.total_gross, order.total_net) == (Decimal("100.90"), Decimal("84.09"))
    spent = Payment.objects.get(order=order, provider=GIFT_CARD_PROVIDER)
    assert (spent.status, spent.amount) == (PaymentStatus.PAID, Decimal("50.00"))
    fifty.refresh_from_db()
    assert fifty.balance == Decimal("0.00")
    started = start_payment(order=order, provider_code="bank_transfer", return_url="/", cancel_url="/")
    assert started.payment.amount == Decimal("50.90")


def test_a_card_that_covers_the_total_pays_the_order_at_once(shirt, make_cart, colissimo):
    hundred_fifty = card("150.00")

    order = place(make_cart((shirt, 1)), colissimo, gift_card_code=hundred_fifty.code)

    assert order.status == OrderStatus.PAID
    assert Invoice.objects.filter(order=order).exists()
    hundred_fifty.refresh_from_db()
    assert hundred_fifty.balance == Decimal("49.10")
    assert list(hundred_fifty.movements.values_list("kind", "amount", "balance_after")) == [
        ("issued", Decimal("150.00"), Decimal("150.00")),
        ("spent", Decimal("-100.90"), Decimal("49.10")),
    ]


def test_an_empty_or_unknown_card_places_nothing(shirt, make_cart, colissimo):
    empty = card("20.00")
    GiftCard.objects.filter(pk=empty.pk).update(balance=Decimal("0.00"))
    cart = make_cart((shirt, 1))

    with pytest.raises(InvalidGiftCard) as refused:
        place(cart, colissimo, gift_card_code=empty.code)
    assert refused.value.messages == ["Cette carte cadeau est épuisée."]
    with pytest.raises(InvalidGiftCard) as refused:
        place(cart, colissimo, gift_card_code="AAAA-BBBB-CCCC-DDDD")
    assert refused.value.messages == ["Ce code de carte cadeau n'existe pas."]

    assert not Order.objects.exists()
    assert StockRecord.objects.get(variant=shirt).reserved == 0
    assert cart.lines.count() == 1
    assert GiftCardMovement.objects.filter(kind="spent").count() == 0


def test_the_checkout_summary_shows_what_the_card_pays_and_what_is_left(shirt, make_cart, colissimo):
    fifty = card("50.00")

    preview = checkout_preview(
        cart=make_cart((shirt, 1)), customer=None, shipping_option=colissimo, gift_card_code=fifty.code
    )

    assert preview.total.gross == Money(Decimal("100.90"))
    assert preview.gift_card_amount == Money(Decimal("50.00"))
    assert preview.amount_due == Money(Decimal("50.90"))
    wrong = checkout_preview(cart=make_cart((shirt, 1)), customer=None, gift_card_code="nope")
    assert wrong.gift_card_error == "Ce code de carte cadeau n'existe pas."


@pytest.fixture
def gift_card_50():
    product = ProductFactory(is_gift_card=True, vat_rate=Decimal("0"), retail_price=Decimal("50.00"))
    return VariantFactory(product=product, on_hand=9999)


def test_a_gift_card_bought_is_sold_without_vat_and_issued_once_paid(
    gift_card_50, make_cart, colissimo, mailoutbox, django_capture_on_commit_callbacks
):
    order = place(make_cart((gift_card_50, 2)), colissimo, gift_card_code="")
    line = order.lines.get()
    assert (line.unit_gross, line.unit_net, line.vat_rate) == (
        Decimal("50.00"),
        Decimal("50.00"),
        Decimal("0"),
    )
    assert not GiftCard.objects.exists()  # not before the money is in

    payment = start_payment(
        order=order, provider_code="bank_transfer", return_url="/", cancel_url="/"
    ).payment
    with django_capture_on_commit_callbacks(execute=True):
        mark_payment_paid(payment_id=payment.pk, actor_label="staff")
    mark_payment_paid(payment_id=payment.pk, actor_label="staff")  # told twice: no second pair

    cards = list(GiftCard.objects.filter(purchase_order=order))
    assert [card.initial_amount for card in cards] == [Decimal("50.00"), Decimal("50.00")]
    codes = {card.code for card in cards}
    sent = [email for email in mailoutbox if email.subject.startswith("Une carte cadeau")]
    assert len(sent) == 2 and {code for code in codes if any(code in email.body for email in sent)} == codes
    assert all(email.to == ["camille@example.com"] for email in sent)
    mentions = " ".join(order.invoices.get().mentions)
    assert "bons à usages multiples, hors du champ de la TVA" in mentions


def test_a_gift_card_is_never_on_sale_nor_discounted(gift_card_50):
    make_sale(products=[gift_card_50.product], value="20")
    assert quote(variant=gift_card_50, customer=None).displayed_unit == Money(Decimal("50.00"))

    DiscountCodeFactory(code="DIX")
    with pytest.raises(InvalidDiscount) as refused:
        price_items(
            items=[CheckoutItem(variant=gift_card_50, quantity=1)],
            customer=None,
            shipping=None,
            discount_code="DIX",
        )
    assert refused.value.messages == ["Ce code ne s'applique à aucun article de votre panier."]
