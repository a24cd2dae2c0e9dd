"""The demo provider: a local page with "pay" and "refuse" buttons, for the demo shop only.

It moves no money, so it exists only when ``DEBUG`` or ``COMPTOIR_DEMO_PAYMENTS`` is on, and
production settings refuse to start with it (config/settings.py).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from comptoir.orders.models import Order, PaymentMethod

from ..models import Payment
from .base import LedgerAccount, PaymentError, ProviderStart, RefundResult

DEMO_SALT = "comptoir.payments.demo"


def demo_payments_enabled() -> bool:
    return not settings.IS_PRODUCTION and bool(settings.DEBUG or settings.COMPTOIR_DEMO_PAYMENTS)


def demo_page_token(*, payment: Payment, return_url: str, cancel_url: str) -> str:
    """Signed, so the page can only pay the payment it was opened for and only go back to our URLs."""
    return signing.dumps({"payment": payment.pk, "return": return_url, "cancel": cancel_url}, salt=DEMO_SALT)


def read_demo_page_token(token: str) -> tuple[int, str, str] | None:
    try:
        data = signing.loads(token, salt=DEMO_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    return int(data["payment"]), str(data["return"]), str(data["cancel"])


class DemoProvider:
    code = PaymentMethod.DEMO
    label = _("Paiement de démonstration")
    ledger_account = LedgerAccount("471000", "Paiements de démonstration")
    refunds_by_api = True

    def start(self, *, order: Order, payment: Payment, return_url: str, cancel_url: str) -> ProviderStart:
        if not demo_payments_enabled():
            raise PaymentError("The demo payment provider is off.")
        token = demo_page_token(payment=payment, return_url=return_url, cancel_url=cancel_url)
        return ProviderStart(
            redirect_url=reverse("storefront:demo_payment", kwargs={"token": token}),
            external_id=f"demo-{payment.pk}",
        )

    def refund(self, *, payment: Payment, amount: Decimal) -> RefundResult:
        return RefundResult(external_id=f"demo-refund-{payment.pk}", amount=amount)
