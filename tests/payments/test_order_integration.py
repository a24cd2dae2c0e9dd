"""Payments and the order services together, with no spy in between: a paid payment moves the order
to paid through the workflow (``mark_payment_paid`` → ``pay_order`` → orders' ``mark_order_paid``),
once however often the provider reports it, with one email.
"""

import pytest
from django.core import mail

from comptoir.orders.access import order_access_token
from comptoir.orders.models import OrderStatus
from comptoir.payments.models import PaymentStatus
from tests.factories.payments import PaymentFactory
from tests.payments.stripe_helpers import post_event, stripe_event

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_stripe_webhook_pays_the_order_once_and_sends_one_email(client, stripe_settings):
    payment = PaymentFactory(external_id="cs_test_a1B2c3D4e5F6g7H8i9J0")

    post_event(client, stripe_event("event_checkout_session_completed", event_id="evt_1"))
    post_event(client, stripe_event("event_checkout_session_completed", event_id="evt_1"))
    post_event(client, stripe_event("event_checkout_session_completed", event_id="evt_2"))

    payment.refresh_from_db()
    payment.order.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.order.status == OrderStatus.PAID
    assert payment.order.paid_at is not None
    assert len([m for m in mail.outbox if payment.order.number in m.subject]) == 1


def test_a_customer_who_closes_the_tab_after_paying_still_gets_one_paid_order(client, stripe_settings):
    """Paid at Stripe, never back on the shop (a crash, a closed tab): the webhook alone confirms."""
    payment = PaymentFactory(external_id="cs_test_a1B2c3D4e5F6g7H8i9J0")
    order = payment.order
    page = f"/fr/commande/{order_access_token(order=order)}/"
    assert "Payée" not in client.get(page).content.decode()  # back before the webhook: still awaited

    post_event(client, stripe_event("event_checkout_session_completed", event_id="evt_late_tab"))
    post_event(client, stripe_event("event_checkout_session_completed", event_id="evt_late_tab"))

    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert len([m for m in mail.outbox if order.number in m.subject]) == 1
    assert "Payée" in client.get(page).content.decode()  # back after it: the page says paid
