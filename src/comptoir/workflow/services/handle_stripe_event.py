"""Apply one verified Stripe event, once, in any order Stripe delivers it.

Stripe delivers at least once and in no guaranteed order. The event id is recorded in the same
transaction as its effect, so a replay finds it and a failure lets Stripe's retry apply it again.
Every effect is itself idempotent (payments' record_payment.py, pay_order.py), so two events meaning
the same thing agree.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from comptoir.payments.models import Payment, ProcessedWebhookEvent
from comptoir.payments.providers.stripe_checkout import StripeProvider, from_minor_units
from comptoir.payments.services.record_payment import (
    Outcome,
    mark_payment_pending,
    record_refunded_amount,
)

from .credit_refunded_money import credit_refunded_money
from .fail_payment import fail_payment
from .pay_order import mark_payment_paid

logger = logging.getLogger(__name__)

PROVIDER = StripeProvider.code


class RetryLater(Exception):
    """The event refers to something we do not know yet; answering an error makes Stripe send it again."""


def handle_stripe_event(*, event: dict[str, Any]) -> Outcome:
    """``event`` is the JSON of a Stripe event whose signature the caller has verified."""
    handler = HANDLERS.get(event.get("type", ""))
    if handler is None:
        return Outcome.IGNORED
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = ProcessedWebhookEvent.objects.create(
                    provider=PROVIDER, event_id=event["id"], event_type=event["type"]
                )
        except IntegrityError:
            return Outcome.DUPLICATE
        outcome = handler(event["data"]["object"])
        record.outcome = outcome
        record.save(update_fields=["outcome"])
        return outcome


def _payment_for_session(session: dict[str, Any]) -> Payment:
    payment = Payment.objects.filter(provider=PROVIDER, external_id=session["id"]).first()
    if payment is None:
        # The session id is saved right after Stripe answers start_payment; the metadata is a fallback.
        payment_id = (session.get("metadata") or {}).get("payment_id", "")
        payment = Payment.objects.filter(
            provider=PROVIDER, pk=int(payment_id) if str(payment_id).isdecimal() else 0
        ).first()
    if payment is None:
        raise RetryLater(f"No payment for Checkout Session {session['id']}.")
    return payment


def _session_paid(session: dict[str, Any]) -> Outcome:
    payment = _payment_for_session(session)
    return mark_payment_paid(
        payment_id=payment.pk,
        provider_reference=session.get("payment_intent") or "",
        paid_amount=from_minor_units(session["amount_total"]),
        paid_currency=session["currency"],
        actor_label="stripe",
    )


def _session_completed(session: dict[str, Any]) -> Outcome:
    if session.get("payment_status") == "paid":
        return _session_paid(session)
    # Delayed methods (SEPA debit): completed now, paid or failed in a later event.
    payment = _payment_for_session(session)
    return mark_payment_pending(payment_id=payment.pk, provider_reference=session.get("payment_intent") or "")


def _session_failed(session: dict[str, Any]) -> Outcome:
    # Expired (the customer never paid) or an asynchronous method refused: she may pay again.
    payment = _payment_for_session(session)
    return fail_payment(payment_id=payment.pk)


def _charge_refunded(charge: dict[str, Any]) -> Outcome:
    payment_intent = charge.get("payment_intent") or ""
    payment = (
        Payment.objects.filter(provider=PROVIDER, provider_reference=payment_intent).first()
        if (payment_intent)
        else None
    )
    if payment is None:
        # A refund reported before the payment it refunds: Stripe retries, by then we know the payment.
        raise RetryLater(f"No payment for PaymentIntent {payment_intent!r}.")
    outcome = record_refunded_amount(
        payment_id=payment.pk, refunded_total=from_minor_units(charge["amount_refunded"])
    )
    if outcome == Outcome.IGNORED:
        raise RetryLater(f"Payment {payment.pk} is not recorded as paid yet.")
    # A refund made in Stripe's dashboard (whole or partial) gets its credit note; one we asked for
    # is already credited, and a replay finds nothing left to credit.
    credit_refunded_money(order=payment.order, reason=_("Remboursement Stripe"))
    return outcome


HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _session_paid,
    "checkout.session.async_payment_failed": _session_failed,
    "checkout.session.expired": _session_failed,
    "charge.refunded": _charge_refunded,
}
