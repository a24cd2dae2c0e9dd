"""What every payment provider offers the shop: start a payment, refund one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from comptoir.orders.models import Order

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

    from ..models import Payment


class PaymentError(Exception):
    """The provider refused or could not be reached; nothing was charged by this call."""


@dataclass(frozen=True, slots=True)
class ProviderStart:
    """What a provider answers when asked to start: where to send the customer, or what to tell them."""

    redirect_url: str = ""
    external_id: str = ""
    instructions: str = ""


@dataclass(frozen=True, slots=True)
class PaymentStart:
    """What ``start_payment`` returns to checkout: the payment and the next step for the customer."""

    payment: Payment
    redirect_url: str = ""
    instructions: str = ""


@dataclass(frozen=True, slots=True)
class RefundResult:
    external_id: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class LedgerAccount:
    """Where the money a provider collects sits in the books until it reaches the bank (or the bank)."""

    number: str
    name: str


class PaymentProvider(Protocol):
    @property
    def code(self) -> str:
        """The stable key stored on payments and orders (an ``orders.PaymentMethod``): "stripe"."""
        ...

    @property
    def label(self) -> StrOrPromise:
        """What checkout shows the customer."""
        ...

    # The treasury account its receipts and refunds are booked on (``accounting``).
    ledger_account: LedgerAccount
    # Money goes back through the provider itself; otherwise the founder sends it from the bank.
    refunds_by_api: bool

    def start(self, *, order: Order, payment: Payment, return_url: str, cancel_url: str) -> ProviderStart:
        """Ask the provider for a payment of ``payment.amount``; may call the network: never under a lock."""
        ...

    def refund(self, *, payment: Payment, amount: Decimal) -> RefundResult:
        """Give back ``amount`` of a paid payment; may call the network: never under a lock."""
        ...
