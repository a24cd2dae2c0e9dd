"""Bank transfer: the order waits; the founder marks it paid when the money arrives."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comptoir.invoicing.seller import bank_account
from comptoir.orders.models import Order, PaymentMethod

from ..models import Payment
from .base import LedgerAccount, PaymentError, ProviderStart, RefundResult


class BankTransferProvider:
    code = PaymentMethod.BANK_TRANSFER
    label = _("Virement bancaire")
    ledger_account = LedgerAccount("512000", "Banque")
    refunds_by_api = False  # the founder makes the transfer back from the bank

    def start(self, *, order: Order, payment: Payment, return_url: str, cancel_url: str) -> ProviderStart:
        holder, iban, bic = bank_account()  # the seller's settings page (COMPTOIR_BANK_* until saved)
        instructions = gettext(
            "Virez %(amount)s %(currency)s à %(holder)s, IBAN %(iban)s, BIC %(bic)s, "
            "avec la référence %(reference)s."
        ) % {
            "amount": payment.amount,
            "currency": payment.currency,
            "holder": holder,
            "iban": iban,
            "bic": bic,
            "reference": order.number,
        }
        # The customer is sent to the return page straight away: the order waits for the transfer.
        return ProviderStart(redirect_url=return_url, instructions=instructions)

    def refund(self, *, payment: Payment, amount: Decimal) -> RefundResult:
        # Money goes back by a transfer the founder makes from the bank; nothing to call.
        if amount <= 0 or amount > payment.amount - payment.refunded_amount:
            raise PaymentError(f"Cannot refund {amount} of payment {payment.pk}.")
        return RefundResult(external_id="", amount=amount)
