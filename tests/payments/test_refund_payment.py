"""Refunds go through the provider's API and agree with the provider's later report of them."""

from decimal import Decimal

import pytest

from comptoir.payments.models import PaymentStatus
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.services.refund_payment import refund_payment
from tests.factories.payments import PaymentFactory
from tests.payments.stripe_helpers import post_event, recording, stripe_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_payment(stripe_settings):
    return PaymentFactory(status=PaymentStatus.PAID, provider_reference="pi_3PqRsTuVwXyZ0001")


def test_a_partial_refund_calls_stripe_and_records_the_amount(stripe_http, paid_payment):
    stripe_http.responses.append((200, recording("refund_created")))

    result = refund_payment(payment=paid_payment, amount=Decimal("30.00"))

    assert result.external_id == "re_3PqRsTuVwXyZ0001"
    assert result.amount == Decimal("30.00")
    [request] = stripe_http.requests
    assert request["url"] == "https://api.stripe.com/v1/refunds"
    assert request["form"] == {"payment_intent": "pi_3PqRsTuVwXyZ0001", "amount": "3000"}
    assert request["headers"]["Idempotency-Key"] == f"comptoir-refund-{paid_payment.pk}-0-3000"
    paid_payment.refresh_from_db()
    assert paid_payment.refunded_amount == Decimal("30.00")
    assert paid_payment.status == PaymentStatus.PAID


def test_stripes_report_of_our_refund_does_not_count_it_twice(
    client, stripe_http, paid_payment, order_paid_calls
):
    stripe_http.responses.append((200, recording("refund_created")))
    refund_payment(payment=paid_payment, amount=Decimal("30.00"))

    response = post_event(client, stripe_event("event_charge_refunded", amount_refunded=3000, refunded=False))

    assert response.status_code == 200
    paid_payment.refresh_from_db()
    assert paid_payment.refunded_amount == Decimal("30.00")


def test_more_than_what_is_left_cannot_be_refunded(stripe_http, paid_payment):
    with pytest.raises(PaymentError):
        refund_payment(payment=paid_payment, amount=Decimal("100.91"))
    with pytest.raises(PaymentError):
        refund_payment(payment=paid_payment, amount=Decimal("0"))

    assert stripe_http.requests == []
    paid_payment.refresh_from_db()
    assert paid_payment.refunded_amount == Decimal("0.00")


def test_an_unpaid_payment_cannot_be_refunded(stripe_http, stripe_settings):
    payment = PaymentFactory(status=PaymentStatus.PENDING)

    with pytest.raises(PaymentError, match="not paid"):
        refund_payment(payment=payment, amount=Decimal("10.00"))

    assert stripe_http.requests == []
