"""Refunds through Stripe need the payments tests' recorded transport."""

from tests.payments.conftest import stripe_http, stripe_settings  # noqa: F401
