"""Workflow tests that receive Stripe webhooks or call its API use the payments tests' recorder."""

from tests.payments.conftest import order_paid_calls, stripe_http, stripe_settings  # noqa: F401
