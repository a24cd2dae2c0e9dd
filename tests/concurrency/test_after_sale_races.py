"""After-sale races: refund reports delivered at once credit the money once; a customer's double click
and the unpaid-orders chore at the same instant release the stock once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import CreditNote
from comptoir.orders.models import Order, OrderEvent, OrderStatus
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.workflow.services.cancel_by_customer import CancellationRefused, cancel_order_by_customer
from comptoir.workflow.services.cancel_expired_unpaid_orders import cancel_expired_unpaid_orders
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory
from tests.factories.orders import order_with_stock
from tests.payments.stripe_helpers import WEBHOOK_SECRET, post_event, stripe_event
from tests.workflow.test_partial_refunds import paid_order

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stripe_settings(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_recorded"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["stripe", "bank_transfer", "demo"]


def refunded(event_id: str, cents: int) -> dict:
    return stripe_event(
        "event_charge_refunded",
        event_id=event_id,
        amount=11145,
        amount_captured=11145,
        amount_refunded=cents,
        refunded=False,
    )


def test_refund_reports_delivered_at_once_credit_the_money_once(threads_database, stripe_settings):
    _order, _payment, invoice = paid_order()
    events = [
        refunded("evt_r1", 3000),
        refunded("evt_r2", 3000),
        refunded("evt_r3", 5000),
        refunded("evt_r1", 3000),
    ]

    outcomes = run_at_once(lambda index: post_event(Client(), events[index]).status_code, threads=len(events))

    assert [o.error for o in outcomes if o.error is not None] == []
    assert sorted(o.result for o in outcomes) == [200] * len(events)
    notes = CreditNote.objects.filter(invoice=invoice)
    assert sum(note.total_gross for note in notes) == Decimal("-50.00")  # the largest total reported
    assert Payment.objects.get(order=invoice.order).refunded_amount == Decimal("50.00")


def test_a_double_click_and_the_chore_at_once_cancel_once_and_release_once(threads_database, settings):
    settings.COMPTOIR_CUSTOMER_CANCEL_HOURS = 24
    settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES = 60
    variant = VariantFactory(on_hand=2)
    order = order_with_stock(variant=variant, quantity=2, payment_method="stripe")
    placed_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)  # past the payment window, inside 24 h
    Order.objects.filter(pk=order.pk).update(created_at=placed_at)
    Payment.objects.create(
        order=order, provider="stripe", status=PaymentStatus.FAILED, amount=order.total_gross
    )
    Payment.objects.filter(order=order).update(updated_at=placed_at)

    def work(index: int) -> object:
        if index == 2:
            return cancel_expired_unpaid_orders(now=dt.datetime.now(dt.UTC))
        try:
            return cancel_order_by_customer(order=Order.objects.get(pk=order.pk)).status
        except CancellationRefused as refused:
            return refused.message

    outcomes = run_at_once(work, threads=3)

    assert [o.error for o in outcomes if o.error is not None] == []
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (2, 0)
    assert OrderEvent.objects.filter(order=order, to_status=OrderStatus.CANCELLED).count() == 1
