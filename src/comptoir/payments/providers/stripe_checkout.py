"""Stripe Checkout: the customer pays on Stripe's hosted page; a signed webhook tells us it is paid.

The shop never sees a card number. Every call goes through ``stripe.StripeClient``; tests replace
only its HTTP transport (``http_client``) with a recorder that answers recorded JSON.
"""

from __future__ import annotations

import time
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from stripe.params.checkout import SessionCreateParams

from comptoir.core.money import quantize
from comptoir.orders.models import Order, PaymentMethod
from comptoir.shop.profile import current_profile

from ..models import Payment
from .base import LedgerAccount, PaymentError, ProviderStart, RefundResult

# Stripe's own locales for its hosted page; anything else lets Stripe pick from the browser.
STRIPE_LOCALES = {"fr": "fr", "en": "en"}


def make_http_client() -> stripe.HTTPClient | None:
    """The transport: None lets the library choose its own. Tests replace this function."""
    return None


def to_minor_units(amount: Decimal) -> int:
    """Stripe counts cents: 100.90 € is 10090. Exact, never through a float."""
    cents = quantize(amount) * 100
    return int(cents)


def from_minor_units(cents: int) -> Decimal:
    return quantize(Decimal(cents) / 100)


def _session_minutes() -> int:
    return min(max(settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES, 30), 24 * 60)


class StripeProvider:
    code = PaymentMethod.STRIPE
    label = _("Carte bancaire (Stripe)")
    # Stripe's balance holds the money until its payout reaches the bank.
    ledger_account = LedgerAccount("511500", "Stripe : encaissements à virer")
    refunds_by_api = True

    def __init__(self, *, http_client: stripe.HTTPClient | None = None) -> None:
        self._http_client = http_client

    def client(self) -> stripe.StripeClient:
        secret_key = current_profile().stripe_secret_key
        if not secret_key:
            raise PaymentError("STRIPE_SECRET_KEY is not set.")
        http_client = self._http_client or make_http_client()
        if http_client is None:
            return stripe.StripeClient(secret_key, max_network_retries=2)
        return stripe.StripeClient(secret_key, max_network_retries=2, http_client=http_client)

    def start(self, *, order: Order, payment: Payment, return_url: str, cancel_url: str) -> ProviderStart:
        # One line for the whole order: Stripe charges exactly our frozen total, no re-rounding per line.
        name = gettext("Commande %(number)s") % {"number": order.number}
        metadata = {"order_number": order.number, "payment_id": str(payment.pk)}
        params: SessionCreateParams = {
            "mode": "payment",
            "client_reference_id": order.number,
            "customer_email": order.email,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": payment.currency.lower(),
                        "unit_amount": to_minor_units(payment.amount),
                        "product_data": {"name": f"{current_profile().shop_name} — {name}"},
                    },
                }
            ],
            "success_url": return_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "payment_intent_data": {"metadata": metadata},
            # Stripe closes the page when the shop stops holding the pieces (the card payment window,
            # within the 30 minutes to 24 hours Stripe allows): a late payment stays the rare case.
            "expires_at": int(time.time()) + 60 * _session_minutes(),
        }
        locale = STRIPE_LOCALES.get(order.language[:2])
        if locale:
            params["locale"] = locale  # type: ignore[typeddict-item]
        try:
            session = self.client().v1.checkout.sessions.create(
                params=params,
                # A retried start (network hiccup, double click) gets the same session back.
                options={"idempotency_key": f"comptoir-payment-{payment.pk}"},
            )
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        return ProviderStart(redirect_url=session.url or "", external_id=session.id)

    def refund(self, *, payment: Payment, amount: Decimal) -> RefundResult:
        if not payment.provider_reference:
            raise PaymentError(f"Payment {payment.pk} has no Stripe PaymentIntent to refund.")
        cents = to_minor_units(amount)
        already = to_minor_units(payment.refunded_amount)
        try:
            refund = self.client().v1.refunds.create(
                params={"payment_intent": payment.provider_reference, "amount": cents},
                # The same refund asked twice (a retry) is made once.
                options={"idempotency_key": f"comptoir-refund-{payment.pk}-{already}-{cents}"},
            )
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        return RefundResult(external_id=refund.id, amount=from_minor_units(refund.amount))
