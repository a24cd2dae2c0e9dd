"""Gift cards: issued with an emailed code, read by their holder, credited back by a refund."""

from __future__ import annotations

from decimal import Decimal

import pytest

from comptoir.orders.models import OrderStatus
from comptoir.payments.gift_cards import normalise_code
from comptoir.payments.models import GIFT_CARD_PROVIDER, GiftCard, PaymentStatus
from comptoir.payments.services.issue_gift_card import issue_gift_card
from comptoir.payments.services.refund_payment import refund_payment
from comptoir.workflow.services.pay_order import pay_with_gift_card
from comptoir.workflow.services.refund_order_payments import refund_order_payments
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def issue(amount: str = "80.00") -> GiftCard:
    return issue_gift_card(
        amount=Decimal(amount),
        recipient_email="ami@example.com",
        sender_name="Camille",
        message="Joyeux anniversaire",
        language="fr",
    )


def test_a_new_card_is_emailed_with_its_code_once_it_exists(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        card = issue()

    assert (card.initial_amount, card.balance) == (Decimal("80.00"), Decimal("80.00"))
    assert normalise_code(card.code) == card.code and len(card.code) == 19
    [email] = mailoutbox
    assert email.to == ["ami@example.com"]
    assert email.subject == "Une carte cadeau de 80,00\xa0€ pour vous"
    assert card.code in email.body
    assert "De la part de Camille." in email.body


def test_the_holder_reads_the_balance_of_a_code(client):
    card = issue("80.00")
    GiftCard.objects.filter(pk=card.pk).update(balance=Decimal("35.50"))

    page = client.post("/fr/carte-cadeau/solde/", {"code": card.code.lower()}).content.decode()

    assert "35,50\xa0€" in page
    assert "disponibles sur 80,00\xa0€" in page
    assert card.code not in page  # only its last four characters are shown back
    unknown = client.post("/fr/carte-cadeau/solde/", {"code": "AAAA-BBBB-CCCC-DDDD"}).content.decode()
    assert "Ce code de carte cadeau n'existe pas." in unknown
    assert client.get("/fr/carte-cadeau/solde/").status_code == 200


def test_a_refund_of_an_order_paid_by_card_credits_the_card_back_not_a_bank():
    card = issue("150.00")
    order = OrderFactory(status=OrderStatus.PLACED)  # 100,90 € TTC
    payment = pay_with_gift_card(code=card.code, order=order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    card.refresh_from_db()
    assert card.balance == Decimal("49.10")

    refund_payment(payment=payment, amount=Decimal("10.00"))
    card.refresh_from_db()
    assert card.balance == Decimal("59.10")

    order.status = OrderStatus.RETURNED
    order.save(update_fields=["status"])
    refund_order_payments(order=order)

    card.refresh_from_db()
    payment.refresh_from_db()
    order.refresh_from_db()
    assert card.balance == Decimal("150.00")
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("100.90"))
    assert order.status == OrderStatus.REFUNDED
    assert list(card.movements.values_list("kind", "amount")) == [
        ("issued", Decimal("150.00")),
        ("spent", Decimal("-100.90")),
        ("credited", Decimal("10.00")),
        ("credited", Decimal("90.90")),
    ]
    assert payment.provider == GIFT_CARD_PROVIDER


def test_a_balance_never_goes_below_zero_nor_above_the_card_value():
    from django.db import IntegrityError, transaction

    card = issue("20.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        GiftCard.objects.filter(pk=card.pk).update(balance=Decimal("-0.01"))
    with pytest.raises(IntegrityError), transaction.atomic():
        GiftCard.objects.filter(pk=card.pk).update(balance=Decimal("20.01"))


def test_a_cancelled_order_gives_its_card_back_once():
    from django.core.management import call_command

    card = issue("80.00")
    order = OrderFactory(status=OrderStatus.PLACED)  # 100,90 €: the card pays 80, a transfer the rest
    pay_with_gift_card(code=card.code, order=order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED  # still waiting for the transfer
    Order = type(order)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELLED)  # the transfer never came

    call_command("credit_back_gift_cards")
    call_command("credit_back_gift_cards")

    card.refresh_from_db()
    assert card.balance == Decimal("80.00")
    assert card.movements.filter(kind="credited").count() == 1
