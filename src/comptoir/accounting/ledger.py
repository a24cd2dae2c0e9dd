"""The books the accountant reads, drawn from invoices, credit notes and payments (no table of its own).

Every document and every money movement is one balanced entry (écriture): sales (journal VE) from
invoices and credit notes, receipts and refunds (journal BQ) from payments. Sources are frozen or
append-only, so the same period always gives the same entries.

Accounts follow the French chart (PCG); a reseller is an auxiliary account of 411, boutique customers
share one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from comptoir.invoicing.models import CreditNote, DocumentLine, Invoice, LineKind
from comptoir.orders.models import Order
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.registry import provider_class
from comptoir.resellers.models import TaxRegime

ZERO = Decimal("0.00")

CUSTOMERS = ("411000", "Clients")
BOUTIQUE_CUSTOMERS = ("BOUTIQUE", "Clients de la boutique")
SALES: dict[str, tuple[str, str]] = {
    TaxRegime.DOMESTIC: ("707100", "Ventes de marchandises France"),
    TaxRegime.INTRA_EU: ("707200", "Ventes de marchandises intracommunautaires"),
    TaxRegime.EXPORT: ("707300", "Ventes de marchandises à l'export"),
}
SHIPPING = ("708500", "Ports et frais accessoires facturés")
VAT_COLLECTED = {
    Decimal("0.2000"): ("445711", "TVA collectée 20 %"),
    Decimal("0.1000"): ("445712", "TVA collectée 10 %"),
    Decimal("0.0550"): ("445713", "TVA collectée 5,5 %"),
    Decimal("0.0210"): ("445714", "TVA collectée 2,1 %"),
}
OTHER_VAT = ("445719", "TVA collectée autres taux")
# Where received money sits: each payment provider names its account (``ledger_account``).
OTHER_TREASURY = ("471100", "Encaissements à classer")


def treasury_account(provider_code: str) -> tuple[str, str]:
    provider = provider_class(provider_code)
    if provider is None:
        return OTHER_TREASURY
    return provider.ledger_account.number, provider.ledger_account.name


JOURNALS = {"VE": "Ventes", "BQ": "Encaissements"}


@dataclass(frozen=True)
class EntryLine:
    account: str
    account_label: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    auxiliary: str = ""
    auxiliary_label: str = ""


@dataclass(frozen=True)
class Entry:
    journal: str
    date: dt.date
    reference: str  # the document: invoice, credit note or order number
    reference_date: dt.date
    label: str
    lines: tuple[EntryLine, ...]
    moment: dt.datetime  # when it happened: entries are numbered in this order
    number: str = ""  # given once entries are sorted (per journal, chronological, without gap)

    @property
    def journal_label(self) -> str:
        return JOURNALS[self.journal]

    @property
    def debit(self) -> Decimal:
        return sum((line.debit for line in self.lines), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum((line.credit for line in self.lines), ZERO)

    @property
    def is_balanced(self) -> bool:
        return self.debit == self.credit


def _line(
    account: tuple[str, str], amount: Decimal, *, debit: bool, customer: tuple[str, str] = ("", "")
) -> EntryLine:
    """A debit (or credit) of ``amount``; a negative amount lands on the other side."""
    if (amount < 0) == debit:
        return EntryLine(
            account[0], account[1], credit=abs(amount), auxiliary=customer[0], auxiliary_label=customer[1]
        )
    return EntryLine(
        account[0], account[1], debit=abs(amount), auxiliary=customer[0], auxiliary_label=customer[1]
    )


def customer_of(order: Order | None) -> tuple[str, str]:
    """The 411 auxiliary account: one per reseller company, one for the boutique's customers."""
    if order is not None and order.company is not None:
        return f"C{order.company.pk:05d}", order.company.legal_name
    return BOUTIQUE_CUSTOMERS


def customer_name(buyer: dict[str, str]) -> str:
    return buyer.get("company") or buyer.get("name") or buyer.get("email", "")


def _sales_lines(
    *, lines: list[DocumentLine], breakdown: list[dict[str, str]], regime: str
) -> list[EntryLine]:
    """Revenue per account and VAT per rate, on the credit side (a credit note's negative amounts: debit)."""
    revenue: dict[tuple[str, str], Decimal] = {}
    for line in lines:
        account = SHIPPING if line.kind == LineKind.SHIPPING else SALES.get(regime, SALES[TaxRegime.DOMESTIC])
        revenue[account] = revenue.get(account, ZERO) + line.total_net
    result = [_line(account, amount, debit=False) for account, amount in revenue.items() if amount]
    for row in breakdown:
        vat = Decimal(row["vat"])
        if vat:
            account = VAT_COLLECTED.get(Decimal(row["rate"]), OTHER_VAT)
            result.append(_line(account, vat, debit=False))
    return result


def _local(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end] in the shop's days, as aware datetimes."""
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def invoices_in(*, start: dt.date, end: dt.date) -> list[Invoice]:
    first, after = _bounds(start, end)
    return list(
        Invoice.objects.filter(issued_at__gte=first, issued_at__lt=after)
        .select_related("order__company")
        .prefetch_related("lines")
        .order_by("year", "sequence_number")
    )


def credit_notes_in(*, start: dt.date, end: dt.date) -> list[CreditNote]:
    first, after = _bounds(start, end)
    return list(
        CreditNote.objects.filter(issued_at__gte=first, issued_at__lt=after)
        .select_related("invoice__order__company")
        .prefetch_related("lines")
        .order_by("year", "sequence_number")
    )


def _sales_entry(*, document: Invoice | CreditNote, invoice: Invoice, label: str) -> Entry:
    """One document's entry in the sales journal; a credit note's negative totals reverse the sides."""
    day = _local(document.issued_at)
    return Entry(
        journal="VE",
        date=day,
        reference=document.number,
        reference_date=day,
        label=f"{label} {customer_name(invoice.buyer)}"[:200],
        moment=document.issued_at,
        lines=(
            _line(CUSTOMERS, document.total_gross, debit=True, customer=customer_of(invoice.order)),
            *_sales_lines(
                lines=list(document.lines.all()),
                breakdown=document.vat_breakdown,
                regime=invoice.tax_regime,
            ),
        ),
    )


def sales_entries(*, start: dt.date, end: dt.date) -> list[Entry]:
    entries = [
        _sales_entry(document=invoice, invoice=invoice, label=f"Facture {invoice.number}")
        for invoice in invoices_in(start=start, end=end)
    ]
    entries += [
        _sales_entry(
            document=note, invoice=note.invoice, label=f"Avoir {note.number} sur {note.invoice.number}"
        )
        for note in credit_notes_in(start=start, end=end)
    ]
    return entries


def payment_entries(*, start: dt.date, end: dt.date) -> list[Entry]:
    """Money received (a paid payment) and money given back (a refunded order's credit note)."""
    first, after = _bounds(start, end)
    entries = []
    received = (
        Payment.objects.filter(
            paid_at__gte=first, paid_at__lt=after, status__in=(PaymentStatus.PAID, PaymentStatus.REFUNDED)
        )
        .select_related("order__company")
        .order_by("paid_at", "pk")
    )
    for payment in received:
        order = payment.order
        treasury = treasury_account(payment.provider)
        customer = customer_of(order)
        day = _local(payment.paid_at) if payment.paid_at else start
        entries.append(
            Entry(
                journal="BQ",
                date=day,
                reference=order.number,
                reference_date=day,
                label=f"Règlement {order.number}"[:200],
                moment=payment.paid_at or payment.created_at,
                lines=(
                    _line(treasury, payment.amount, debit=True),
                    _line(CUSTOMERS, payment.amount, debit=False, customer=customer),
                ),
            )
        )
    refunded = list(
        CreditNote.objects.filter(
            invoice__order__refunded_at__gte=first,
            invoice__order__refunded_at__lt=after,
            invoice__order__paid_at__isnull=False,
        )
        .exclude(Q(total_gross=0))
        .select_related("invoice__order__company")
        .order_by("invoice__order__refunded_at", "pk")
    )
    # Money goes back the way it came: through the provider of the payment that was paid.
    providers = dict(
        Payment.objects.filter(
            order__in=[note.invoice.order_id for note in refunded],
            status__in=(PaymentStatus.PAID, PaymentStatus.REFUNDED),
        ).values_list("order_id", "provider")
    )
    for note in refunded:
        refunded_order = note.invoice.order
        assert refunded_order is not None and refunded_order.refunded_at is not None
        refunded_at = refunded_order.refunded_at
        amount = -note.total_gross
        provider = providers.get(refunded_order.pk, refunded_order.payment_method)
        treasury = treasury_account(provider)
        day = _local(refunded_at)
        entries.append(
            Entry(
                journal="BQ",
                date=day,
                reference=note.number,
                reference_date=_local(note.issued_at),
                label=f"Remboursement {refunded_order.number}"[:200],
                moment=refunded_at,
                lines=(
                    _line(CUSTOMERS, amount, debit=True, customer=customer_of(refunded_order)),
                    _line(treasury, amount, debit=False),
                ),
            )
        )
    return entries


def ledger(*, start: dt.date, end: dt.date) -> list[Entry]:
    """Every entry of the period, per journal in date order, numbered without gap within its journal."""
    entries = sorted(
        [*sales_entries(start=start, end=end), *payment_entries(start=start, end=end)],
        key=lambda entry: (entry.journal, entry.moment, entry.reference),
    )
    counters: dict[str, int] = {}
    numbered = []
    for entry in entries:
        counters[entry.journal] = counters.get(entry.journal, 0) + 1
        numbered.append(
            Entry(
                journal=entry.journal,
                date=entry.date,
                reference=entry.reference,
                reference_date=entry.reference_date,
                label=entry.label,
                lines=entry.lines,
                moment=entry.moment,
                number=f"{entry.journal}{counters[entry.journal]:06d}",
            )
        )
    return sorted(numbered, key=lambda entry: (entry.moment, entry.journal, entry.number))
