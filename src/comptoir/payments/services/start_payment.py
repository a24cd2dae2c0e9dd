"""Start paying an order with one provider: the row first, then the provider, outside any lock."""

from __future__ import annotations

from django.db import transaction

from comptoir.orders.models import Order
from comptoir.orders.state import can_pay

from ..models import Payment, PaymentStatus
from ..providers.base import PaymentError, PaymentStart
from ..providers.registry import get_provider
from .pay_with_gift_card import amount_due


def start_payment(*, order: Order, provider_code: str, return_url: str, cancel_url: str) -> PaymentStart:
    """Call it after the order's transaction committed: the provider may be called over the network.

    A second call while a payment with the same provider is still open (a double click, a reload)
    returns that payment's page instead of opening another one.
    """
    provider = get_provider(provider_code)
    with transaction.atomic():
        locked_order = Order.objects.select_for_update().get(pk=order.pk)
        if not can_pay(locked_order.status):
            raise PaymentError(f"Order {locked_order.number} is not awaiting payment.")
        # What gift cards already paid of the order is not asked again.
        due = amount_due(order=locked_order)
        open_payment = (
            Payment.objects.filter(
                order=locked_order,
                provider=provider.code,
                status__in=[PaymentStatus.CREATED, PaymentStatus.PENDING],
                amount=due,
            )
            .exclude(redirect_url="")
            .first()
        )
        if open_payment is not None:
            return PaymentStart(payment=open_payment, redirect_url=open_payment.redirect_url)
        payment = Payment.objects.create(
            order=locked_order,
            provider=provider.code,
            status=PaymentStatus.CREATED,
            amount=due,
            currency=locked_order.currency,
        )

    # No lock is held here: the provider may take seconds to answer.
    try:
        started = provider.start(
            order=locked_order, payment=payment, return_url=return_url, cancel_url=cancel_url
        )
    except PaymentError:
        Payment.objects.filter(pk=payment.pk, status=PaymentStatus.CREATED).update(
            status=PaymentStatus.FAILED
        )
        raise
    Payment.objects.filter(pk=payment.pk, status=PaymentStatus.CREATED).update(
        status=PaymentStatus.PENDING, external_id=started.external_id, redirect_url=started.redirect_url
    )
    payment.refresh_from_db()
    return PaymentStart(payment=payment, redirect_url=started.redirect_url, instructions=started.instructions)
