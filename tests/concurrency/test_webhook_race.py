"""Stripe delivers the same "paid" event twice at the same instant: the order is paid once, one email."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.payments.models import PaymentStatus, ProcessedWebhookEvent
from tests.concurrency.helpers import run_at_once
from tests.factories.payments import PaymentFactory
from tests.payments.stripe_helpers import WEBHOOK_SECRET, post_event, stripe_event

pytestmark = pytest.mark.django_db(transaction=True)

DELIVERIES = 6


@pytest.fixture
def stripe_settings(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_recorded"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["stripe", "bank_transfer"]


def test_simultaneous_deliveries_of_one_event_pay_the_order_once(threads_database, stripe_settings):
    payment = PaymentFactory(external_id="cs_test_a1B2c3D4e5F6g7H8i9J0")
    event = stripe_event("event_checkout_session_completed", event_id="evt_race_1")

    outcomes = run_at_once(lambda index: post_event(Client(), event).status_code, threads=DELIVERIES)

    assert [o.error for o in outcomes if o.error is not None] == []
    assert sorted(o.result for o in outcomes) == [200] * DELIVERIES
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.order.status == OrderStatus.PAID
    assert ProcessedWebhookEvent.objects.filter(event_id="evt_race_1").count() == 1
    assert OrderEvent.objects.filter(order=payment.order, to_status=OrderStatus.PAID).count() == 1
    assert len([m for m in mail.outbox if payment.order.number in m.subject]) == 1


def test_two_different_events_for_one_payment_at_once_pay_it_once(threads_database, stripe_settings):
    # checkout.session.completed and async_payment_succeeded can both say "paid" for one session.
    payment = PaymentFactory(external_id="cs_test_a1B2c3D4e5F6g7H8i9J0")
    events = [
        stripe_event("event_checkout_session_completed", event_id="evt_race_a"),
        stripe_event("event_checkout_session_completed", event_id="evt_race_b"),
    ]

    outcomes = run_at_once(lambda index: post_event(Client(), events[index]).status_code, threads=2)

    assert [o.result for o in outcomes] == [200, 200]
    assert OrderEvent.objects.filter(order=payment.order, to_status=OrderStatus.PAID).count() == 1
    assert len([m for m in mail.outbox if payment.order.number in m.subject]) == 1
