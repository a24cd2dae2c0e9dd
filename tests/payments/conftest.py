"""Payments tests never touch the network: Stripe's HTTP transport is replaced by a recorder."""

from __future__ import annotations

from typing import Any

import pytest

from comptoir.payments.providers import stripe_checkout
from comptoir.workflow.services import pay_order as pay_order_service
from tests.payments.stripe_helpers import WEBHOOK_SECRET, RecordedStripe


@pytest.fixture
def stripe_settings(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_recorded"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["stripe", "bank_transfer", "demo"]
    return settings


@pytest.fixture
def stripe_http(monkeypatch, stripe_settings):
    """Install a recorder as Stripe's transport; tests give it the responses to play."""
    recorder = RecordedStripe()
    monkeypatch.setattr(stripe_checkout, "make_http_client", lambda: recorder)
    return recorder


@pytest.fixture
def order_paid_calls(monkeypatch):
    """What a recorded payment asked of the workflow's ``pay_order`` (order paid, invoiced).

    The calls go on to the real service (tests/payments/test_order_integration.py checks the order).
    """
    calls: list[dict[str, Any]] = []
    real = pay_order_service.pay_order

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(pay_order_service, "pay_order", spy)
    return calls
