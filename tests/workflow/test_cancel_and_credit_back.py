"""Cancelling an order part-paid by a gift card gives the card its money back at once, once: from the
admin's « Annuler » and from the clock that cancels unpaid transfers. The daily sweep finds nothing left."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import GIFT_CARD_PROVIDER, Payment, PaymentStatus
from comptoir.payments.services.issue_gift_card import issue_gift_card
from comptoir.workflow.services.cancel_expired_unpaid_orders import cancel_expired_unpaid_orders
from comptoir.workflow.services.pay_order import pay_with_gift_card
from tests.factories import UserFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db


def card_paying_part_of(order: Order):
    card = issue_gift_card(
        amount=Decimal("80.00"),
        recipient_email="ami@example.com",
        sender_name="Camille",
        message="",
        language="fr",
    )
    pay_with_gift_card(code=card.code, order=order)  # the card pays 80,00, a transfer the rest
    card.refresh_from_db()
    assert card.balance == Decimal("0.00")
    return card


def test_the_admin_cancel_releases_the_stock_and_credits_the_card_once(client):
    order = order_with_stock(status=OrderStatus.PLACED, quantity=2, payment_method="bank_transfer")
    card = card_paying_part_of(order)
    variant = order.lines.get().variant
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    for _attempt in range(2):
        client.post("/fr/admin/orders/order/", {"action": "cancel", "_selected_action": [order.pk]})

    order.refresh_from_db()
    card.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert StockRecord.objects.get(variant=variant).reserved == 0
    assert card.balance == Decimal("80.00")  # at once, not at the next daily sweep
    call_command("credit_back_gift_cards")
    card.refresh_from_db()
    assert card.balance == Decimal("80.00")
    assert card.movements.filter(kind="credited").count() == 1
    payment = Payment.objects.get(order=order, provider=GIFT_CARD_PROVIDER)
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("80.00"))


def test_an_unpaid_transfer_cancelled_by_the_clock_credits_the_card(settings):
    settings.COMPTOIR_UNPAID_ORDER_DAYS = 7
    now = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)
    order = order_with_stock(status=OrderStatus.PLACED, quantity=2, payment_method="bank_transfer")
    card = card_paying_part_of(order)
    Order.objects.filter(pk=order.pk).update(created_at=now - dt.timedelta(days=8))

    assert cancel_expired_unpaid_orders(now=now) == [order.number]

    card.refresh_from_db()
    assert card.balance == Decimal("80.00")
    assert card.movements.filter(kind="credited").count() == 1
