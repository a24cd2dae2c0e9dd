"""Checking that a webhook call really comes from the provider before anything reads it."""

from __future__ import annotations

import json
from typing import Any

import stripe

from comptoir.shop.profile import current_profile


class InvalidWebhook(Exception):
    pass


def verify_stripe_event(*, payload: bytes, signature: str) -> dict[str, Any]:
    """The event's JSON if ``Stripe-Signature`` signs ``payload`` with our secret, recently; else raises.

    The header is ``t=<unix time>,v1=<HMAC-SHA256 of "<t>.<payload>">``; Stripe's library checks
    it in constant time and refuses timestamps older than five minutes (replayed captures).
    """
    secret = current_profile().stripe_webhook_secret
    if not secret:
        raise InvalidWebhook("STRIPE_WEBHOOK_SECRET is not set.")
    try:
        stripe.Webhook.construct_event(payload, signature, secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise InvalidWebhook(str(error)) from error
    event = json.loads(payload)
    if not isinstance(event, dict) or "id" not in event or "type" not in event:
        raise InvalidWebhook("Not a Stripe event.")
    return event
