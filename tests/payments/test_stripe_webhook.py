"""The Stripe webhook: signed, applied once, consistent in any order of delivery."""

from decimal import Decimal

import pytest

from comptoir.payments.models import Payment, PaymentStatus, ProcessedWebhookEvent
from tests.factories.payments import PaymentFactory
from tests.payments.stripe_helpers import post_event, sign, stripe_event

pytestmark = pytest.mark.django_db

SESSION_ID = "cs_test_a1B2c3D4e5F6g7H8i9J0"
PAYMENT_INTENT = "pi_3PqRsTuVwXyZ0001"


@pytest.fixture
def payment(stripe_settings):
    return PaymentFactory(external_id=SESSION_ID)


def completed(event_id="evt_completed_1", **changes):
    return stripe_event("event_checkout_session_completed", event_id=event_id, **changes)


def refunded(event_id="evt_refunded_1", **changes):
    return stripe_event("event_charge_refunded", event_id=event_id, **changes)


def test_a_completed_checkout_marks_the_payment_and_the_order_paid(client, payment, order_paid_calls):
    response = post_event(client, completed())

    assert response.status_code == 200
    assert response.json() == {"received": True, "outcome": "paid"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.provider_reference == PAYMENT_INTENT
    assert payment.paid_at is not None
    assert order_paid_calls == [
        {"order": payment.order, "actor": None, "actor_label": "stripe", "payment_reference": PAYMENT_INTENT}
    ]
    assert ProcessedWebhookEvent.objects.filter(provider="stripe", event_id="evt_completed_1").count() == 1


@pytest.mark.parametrize(
    "signature",
    [
        "",
        "t=1781950000,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "not-a-signature",
    ],
)
def test_a_bad_signature_is_refused_with_400_and_changes_nothing(
    client, payment, order_paid_calls, signature
):
    response = post_event(client, completed(), signature=signature)

    assert response.status_code == 400
    assert response.json() == {"error": "invalid_signature"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert order_paid_calls == []
    assert not ProcessedWebhookEvent.objects.exists()


def test_a_payload_signed_with_another_secret_is_refused(client, payment, order_paid_calls):
    response = post_event(client, completed(), secret="whsec_someone_else")

    assert response.status_code == 400
    assert order_paid_calls == []


def test_an_old_signed_payload_replayed_later_is_refused(client, payment, order_paid_calls):
    import json

    event = completed()
    payload = json.dumps(event).encode()
    header = sign(payload, timestamp=1_600_000_000)  # 2020: far outside Stripe's five-minute tolerance

    response = client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

    assert response.status_code == 400
    assert order_paid_calls == []


def test_a_tampered_payload_is_refused(client, payment, order_paid_calls):
    import json

    payload = json.dumps(completed(amount_total=1)).encode()
    header = sign(json.dumps(completed()).encode())

    response = client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )

    assert response.status_code == 400
    assert order_paid_calls == []


def test_without_a_webhook_secret_nothing_is_accepted(client, payment, order_paid_calls, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""

    response = post_event(client, completed(), secret="")

    assert response.status_code == 400
    assert order_paid_calls == []


def test_the_same_event_delivered_twice_is_applied_once(client, payment, order_paid_calls):
    first = post_event(client, completed())
    second = post_event(client, completed())

    assert first.json()["outcome"] == "paid"
    assert second.status_code == 200
    assert second.json()["outcome"] == "duplicate"
    assert len(order_paid_calls) == 1
    assert ProcessedWebhookEvent.objects.count() == 1


def test_a_second_completed_event_finds_the_payment_already_paid(client, payment, order_paid_calls):
    post_event(client, completed(event_id="evt_a"))
    response = post_event(client, completed(event_id="evt_b"))

    assert response.status_code == 200
    assert response.json()["outcome"] == "already_paid"
    assert len(order_paid_calls) == 1


def test_an_unknown_event_type_is_acknowledged_and_ignored(client, payment, order_paid_calls):
    event = completed(event_id="evt_other")
    event["type"] = "customer.created"

    response = post_event(client, event)

    assert response.status_code == 200
    assert response.json() == {"received": True, "outcome": "ignored"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not ProcessedWebhookEvent.objects.exists()


def test_only_post_is_allowed(client):
    assert client.get("/stripe/webhook/").status_code == 405


def test_the_webhook_needs_no_csrf_token_and_no_language_prefix(payment, order_paid_calls):
    from django.test import Client

    response = post_event(Client(enforce_csrf_checks=True), completed())

    assert response.status_code == 200


def test_a_refund_after_the_payment_is_recorded(client, payment, order_paid_calls):
    post_event(client, completed())

    response = post_event(client, refunded())

    assert response.json()["outcome"] == "refunded"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert payment.refunded_amount == Decimal("100.90")


def test_a_partial_refund_keeps_the_payment_paid(client, payment, order_paid_calls):
    post_event(client, completed())

    response = post_event(client, refunded(amount_refunded=3000, refunded=False))

    assert response.json()["outcome"] == "partially_refunded"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.refunded_amount == Decimal("30.00")


def test_a_refund_delivered_before_the_payment_is_retried_then_applied(client, payment, order_paid_calls):
    early = post_event(client, refunded())

    assert early.status_code == 409  # Stripe sends it again later
    assert not ProcessedWebhookEvent.objects.exists()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING

    post_event(client, completed())
    retried = post_event(client, refunded())

    assert retried.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert len(order_paid_calls) == 1


def test_a_late_completed_event_does_not_reopen_a_refunded_payment(client, payment, order_paid_calls):
    post_event(client, completed(event_id="evt_a"))
    post_event(client, refunded())

    response = post_event(client, completed(event_id="evt_late_duplicate"))

    assert response.json()["outcome"] == "already_paid" or response.json()["outcome"] == "already_settled"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert len(order_paid_calls) == 1


def test_an_expired_session_fails_an_open_payment_but_never_a_paid_one(client, payment, order_paid_calls):
    other = PaymentFactory(external_id="cs_test_other")
    expired_other = completed(event_id="evt_expired_other", id="cs_test_other", payment_status="unpaid")
    expired_other["type"] = "checkout.session.expired"
    post_event(client, completed())
    expired_paid = completed(event_id="evt_expired_paid")
    expired_paid["type"] = "checkout.session.expired"

    assert post_event(client, expired_other).json()["outcome"] == "failed"
    assert post_event(client, expired_paid).json()["outcome"] == "already_closed"
    other.refresh_from_db()
    payment.refresh_from_db()
    assert other.status == PaymentStatus.FAILED
    assert payment.status == PaymentStatus.PAID


def test_a_delayed_payment_waits_for_its_success_event(client, payment, order_paid_calls):
    pending = post_event(client, completed(event_id="evt_c", payment_status="unpaid"))
    succeeded = completed(event_id="evt_s")
    succeeded["type"] = "checkout.session.async_payment_succeeded"

    assert pending.json()["outcome"] == "pending"
    assert order_paid_calls == []
    assert post_event(client, succeeded).json()["outcome"] == "paid"
    assert len(order_paid_calls) == 1


def test_an_amount_that_differs_from_the_order_is_not_taken_as_payment(client, payment, order_paid_calls):
    response = post_event(client, completed(amount_total=100))

    assert response.json()["outcome"] == "amount_mismatch"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert order_paid_calls == []


def test_a_session_we_do_not_know_is_retried_later(client, stripe_settings, order_paid_calls):
    response = post_event(client, completed(id="cs_test_unknown", metadata={}))

    assert response.status_code == 409
    assert not ProcessedWebhookEvent.objects.exists()
    assert Payment.objects.count() == 0
