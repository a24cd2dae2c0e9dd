"""The payment providers the shop knows, in one explicit table; settings choose which are offered.

``COMPTOIR_PAYMENT_PROVIDERS`` lists the enabled codes in display order. The demo provider is
offered only while ``demo_payments_enabled()``: never in production.
"""

from __future__ import annotations

from django.conf import settings

from .bank_transfer import BankTransferProvider
from .base import PaymentProvider
from .demo import DemoProvider, demo_payments_enabled
from .stripe_checkout import StripeProvider

PROVIDERS: dict[str, type[PaymentProvider]] = {
    BankTransferProvider.code: BankTransferProvider,
    StripeProvider.code: StripeProvider,
    DemoProvider.code: DemoProvider,
}


class UnknownProvider(LookupError):
    pass


def enabled_codes() -> list[str]:
    codes = [code for code in settings.COMPTOIR_PAYMENT_PROVIDERS if code in PROVIDERS]
    if not demo_payments_enabled():
        codes = [code for code in codes if code != DemoProvider.code]
    return codes


def enabled_providers() -> list[PaymentProvider]:
    """The providers checkout offers, in the order the settings list them."""
    return [PROVIDERS[code]() for code in enabled_codes()]


def provider_class(code: str) -> type[PaymentProvider] | None:
    """Any known provider by its code, enabled or not (a past payment keeps its provider's facts)."""
    return PROVIDERS.get(code)


def get_provider(code: str) -> PaymentProvider:
    """An enabled provider by its code; a disabled or unknown code is refused."""
    if code not in enabled_codes():
        raise UnknownProvider(f"Payment provider {code!r} is not enabled.")
    return PROVIDERS[code]()
