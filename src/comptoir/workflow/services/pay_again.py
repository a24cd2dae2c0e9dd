"""« Payer à nouveau »: a card payment refused, failed or abandoned is tried again on the same order.

The order, its lines and its reserved stock stay as they are; only a new payment session is opened
(payments' ``start_payment``, which hands back the session still open on a double click). The window
runs ``COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES`` from the order or from its latest attempt, whichever is
later; once it has passed, ``cancel_expired_unpaid_orders`` cancels the order and frees its stock.
Bank transfers have no such window: they wait ``COMPTOIR_UNPAID_ORDER_DAYS``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.orders.models import Order, PaymentMethod
from comptoir.orders.state import can_pay
from comptoir.payments.models import GIFT_CARD_PROVIDER, Payment, PaymentStatus
from comptoir.payments.providers.base import PaymentError, PaymentStart
from comptoir.payments.services.start_payment import start_payment

# Payment methods whose money may take days: the only ones left waiting that long.
DELAYED_PAYMENT_METHODS = (PaymentMethod.BANK_TRANSFER,)


class PayAgainRefused(PaymentError):
    """The order cannot be paid again from its page; ``message`` says why, in the customer's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def card_payment_window() -> timedelta:
    return timedelta(minutes=settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES)


def money_on_its_way(*, order: Order) -> bool:
    """The customer finished on the provider's page and the money is still coming (SEPA debit)."""
    return (
        Payment.objects.filter(order=order, status=PaymentStatus.PENDING)
        .exclude(provider_reference="")
        .exists()
    )


def pay_again_deadline(*, order: Order) -> datetime | None:
    """Until when ``order`` may still be paid by card from its page; None when that is not the way."""
    if not can_pay(order.status) or order.payment_method in DELAYED_PAYMENT_METHODS:
        return None
    latest_attempt = (
        Payment.objects.filter(order=order)
        .exclude(provider=GIFT_CARD_PROVIDER)
        .aggregate(latest=Max("updated_at"))["latest"]
    )
    started = max(order.created_at, latest_attempt) if latest_attempt else order.created_at
    return started + card_payment_window()


def last_payment_failed(*, order: Order) -> bool:
    """The customer's latest card attempt was refused, failed or expired (the page says so)."""
    latest = Payment.objects.filter(order=order).exclude(provider=GIFT_CARD_PROVIDER).order_by("-pk").first()
    return latest is not None and latest.status == PaymentStatus.FAILED


def pay_again(*, order: Order, return_url: str, cancel_url: str, now: datetime | None = None) -> PaymentStart:
    """Open a new payment session for ``order`` (never a new order); a double click gets the same one."""
    order.refresh_from_db()
    deadline = pay_again_deadline(order=order)
    if deadline is None:
        raise PayAgainRefused(
            _("La commande %(number)s n'attend pas de paiement par carte.") % {"number": order.number}
        )
    if (now or timezone.now()) >= deadline:
        raise PayAgainRefused(
            _("Le délai pour payer la commande %(number)s est passé : elle va être annulée.")
            % {"number": order.number}
        )
    if money_on_its_way(order=order):
        raise PayAgainRefused(
            _("Le paiement de la commande %(number)s est en cours : inutile de payer à nouveau.")
            % {"number": order.number}
        )
    return start_payment(
        order=order, provider_code=order.payment_method, return_url=return_url, cancel_url=cancel_url
    )
