"""Starting a payment: one row, then the provider, and the same page again on a second click."""

import time
from decimal import Decimal

import pytest

from comptoir.orders.models import OrderStatus
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.providers.registry import UnknownProvider, enabled_codes
from comptoir.payments.services.start_payment import start_payment
from tests.factories.payments import OrderFactory
from tests.payments.stripe_helpers import recording

pytestmark = pytest.mark.django_db

RETURN_URL = "https://boutique.example/fr/commande/merci/"
CANCEL_URL = "https://boutique.example/fr/commande/annulee/"


def test_stripe_opens_a_checkout_session_for_the_order_total(stripe_http):
    stripe_http.responses.append((200, recording("checkout_session_created")))
    order = OrderFactory(payment_method="stripe", language="fr", email="client@example.com")

    started = start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)

    assert started.redirect_url.startswith("https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0")
    payment = Payment.objects.get()
    assert started.payment == payment
    assert payment.status == PaymentStatus.PENDING
    assert payment.external_id == "cs_test_a1B2c3D4e5F6g7H8i9J0"
    assert payment.amount == Decimal("100.90")
    [request] = stripe_http.requests
    assert request["method"] == "post"
    assert request["url"] == "https://api.stripe.com/v1/checkout/sessions"
    assert request["headers"]["Idempotency-Key"] == f"comptoir-payment-{payment.pk}"
    assert request["headers"]["Authorization"] == "Bearer sk_test_recorded"
    form = request["form"]
    assert form["mode"] == "payment"
    assert form["line_items[0][price_data][unit_amount]"] == "10090"
    assert form["line_items[0][price_data][currency]"] == "eur"
    assert form["line_items[0][quantity]"] == "1"
    assert form["client_reference_id"] == order.number
    assert form["customer_email"] == "client@example.com"
    assert form["locale"] == "fr"
    assert form["metadata[payment_id]"] == str(payment.pk)
    assert form["success_url"] == RETURN_URL
    # Stripe closes its page when the card payment window (60 minutes by default) ends.
    assert 3590 <= int(form["expires_at"]) - int(time.time()) <= 3600
    assert form["cancel_url"] == CANCEL_URL


def test_a_second_start_returns_the_open_session_without_calling_stripe(stripe_http):
    stripe_http.responses.append((200, recording("checkout_session_created")))
    order = OrderFactory(payment_method="stripe")

    first = start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)
    second = start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)

    assert second.payment == first.payment
    assert second.redirect_url == first.redirect_url
    assert len(stripe_http.requests) == 1
    assert Payment.objects.count() == 1


def test_a_stripe_error_fails_the_payment_and_says_so(stripe_http):
    stripe_http.responses.append((401, recording("error_invalid_api_key")))
    order = OrderFactory(payment_method="stripe")

    with pytest.raises(PaymentError):
        start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)

    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.FAILED
    assert payment.external_id == ""


def test_bank_transfer_waits_and_gives_instructions(settings):
    settings.COMPTOIR_BANK_IBAN = "FR76 1234 5678 9012 3456 7890 123"
    order = OrderFactory(payment_method="bank_transfer", number="C-2026-00099")

    started = start_payment(
        order=order, provider_code="bank_transfer", return_url=RETURN_URL, cancel_url=CANCEL_URL
    )

    assert started.redirect_url == RETURN_URL
    assert "FR76 1234 5678 9012 3456 7890 123" in started.instructions
    assert "C-2026-00099" in started.instructions
    assert started.payment.status == PaymentStatus.PENDING
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


def test_an_order_no_longer_awaiting_payment_is_refused(stripe_http):
    order = OrderFactory(status=OrderStatus.CANCELLED)

    with pytest.raises(PaymentError, match="not awaiting payment"):
        start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)

    assert stripe_http.requests == []
    assert not Payment.objects.exists()


def test_a_provider_that_is_not_enabled_is_refused(settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["bank_transfer"]
    order = OrderFactory()

    with pytest.raises(UnknownProvider):
        start_payment(order=order, provider_code="stripe", return_url=RETURN_URL, cancel_url=CANCEL_URL)
    with pytest.raises(UnknownProvider):
        start_payment(order=order, provider_code="paypal", return_url=RETURN_URL, cancel_url=CANCEL_URL)

    assert not Payment.objects.exists()


def test_the_registry_offers_the_enabled_providers_in_the_settings_order(settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["stripe", "unknown", "demo", "bank_transfer"]
    settings.COMPTOIR_DEMO_PAYMENTS = True

    assert enabled_codes() == ["stripe", "demo", "bank_transfer"]


def test_the_demo_provider_is_not_offered_when_demo_payments_are_off(settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    settings.DEBUG = False
    settings.COMPTOIR_DEMO_PAYMENTS = False

    assert enabled_codes() == ["bank_transfer"]
    with pytest.raises(UnknownProvider):
        start_payment(
            order=OrderFactory(), provider_code="demo", return_url=RETURN_URL, cancel_url=CANCEL_URL
        )
