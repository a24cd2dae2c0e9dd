"""Credit notes (avoirs): the whole invoice, or a part of it, negative, with their own numbers.

A whole invoice is credited line by line. A part (a goodwill gesture, a refund made in Stripe's
dashboard) is credited as one discount line per VAT rate, the amount split pro rata of what is left
of the invoice at each rate; the credit note that completes the invoice takes exactly what is left
at each rate, so an invoice minus its credit notes is zero to the cent in net, VAT and gross.

Every credit note is issued under the invoice's row lock and never takes more than is left: the sum
of an invoice's credit notes never exceeds it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.core.money import Money, format_money, quantize

from ..models import CreditNote, DocumentKind, DocumentLine, Invoice, LineKind
from ..pdf import keep_pdf_after_commit
from .issue_invoice import vat_breakdown
from .numbering import next_number

ZERO = Decimal("0.00")


class CreditNoteRefused(Exception):
    """More than what is left of the invoice was asked; ``message`` says how much is left."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def credited_gross(*, invoice: Invoice) -> Decimal:
    """What the invoice's credit notes already give back, as a positive amount."""
    total = invoice.credit_notes.aggregate(total=Sum("total_gross"))["total"]
    return -(total or ZERO)


def left_to_credit(*, invoice: Invoice) -> Decimal:
    return invoice.total_gross - credited_gross(invoice=invoice)


def _left_by_rate(invoice: Invoice) -> dict[Decimal, tuple[Decimal, Decimal]]:
    """(net, gross) still not credited at each VAT rate of the invoice."""
    left: dict[Decimal, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    credited_lines = DocumentLine.objects.filter(credit_note__invoice=invoice)
    for line in [*invoice.lines.all(), *credited_lines]:
        left[line.vat_rate][0] += line.total_net
        left[line.vat_rate][1] += line.total_gross
    return {rate: (net, gross) for rate, (net, gross) in sorted(left.items()) if gross or net}


def _save(
    *,
    invoice: Invoice,
    reason: str,
    lines: list[DocumentLine],
    vat_rows: list[dict[str, str]] | None = None,
    totals: tuple[Decimal, Decimal, Decimal] | None = None,
) -> CreditNote:
    """Number and store the credit note and its lines; its PDF is drawn once, after commit.

    A partial credit note's lines are amounts TTC split per rate: its VAT rows are those lines' TTC
    minus their HT. A full one passes the invoice's own rows and totals, turned round."""
    issued_at = timezone.now()
    year = timezone.localdate(issued_at).year  # the shop's calendar year, not UTC's
    number, sequence_number = next_number(kind=DocumentKind.CREDIT_NOTE, year=year)
    if totals is None:
        total_net = sum((line.total_net for line in lines), ZERO)
        total_gross = sum((line.total_gross for line in lines), ZERO)
        totals = (total_net, total_gross - total_net, total_gross)
    credit_note = CreditNote(
        number=number,
        year=year,
        sequence_number=sequence_number,
        invoice=invoice,
        issued_at=issued_at,
        reason=reason[:200],
        total_net=totals[0],
        total_vat=totals[1],
        total_gross=totals[2],
        vat_breakdown=vat_rows if vat_rows is not None else vat_breakdown(lines, prices_include_tax=True),
    )
    credit_note.save(_first_write=True)
    for line in lines:
        line.credit_note = credit_note
        line.save(_first_write=True)
    keep_pdf_after_commit(credit_note=credit_note)
    return credit_note


def issue_partial_credit_note(*, invoice: Invoice, amount: Decimal, reason: str) -> CreditNote:
    """Credit ``amount`` (gross) of the invoice, split over its VAT rates pro rata of what is left.

    More than what is left is refused (``CreditNoteRefused``), nothing issued.
    """
    amount = quantize(amount)
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)  # one credit note at a time
        left = left_to_credit(invoice=invoice)
        if amount <= 0 or amount > left:
            raise CreditNoteRefused(
                _(
                    "Impossible de créditer %(amount)s sur la facture %(number)s : "
                    "il n'en reste que %(left)s à créditer."
                )
                % {
                    "amount": format_money(Money(amount, invoice.currency)),
                    "number": invoice.number,
                    "left": format_money(Money(left, invoice.currency)),
                }
            )
        by_rate = _left_by_rate(invoice)
        rates = sorted(by_rate, key=lambda rate: by_rate[rate][1])  # the largest share last
        lines: list[DocumentLine] = []
        allocated = ZERO
        for position, rate in enumerate(rates, start=1):
            net_left, gross_left = by_rate[rate]
            if amount == left:  # the last credit note: exactly what is left, net and gross
                net, gross = net_left, gross_left
            elif rate == rates[-1]:
                gross = amount - allocated  # the rounding cents go to the largest share
                net = quantize(gross / (1 + rate))
            else:
                gross = quantize(amount * gross_left / left)
                net = quantize(gross / (1 + rate))
            allocated += gross
            lines.append(
                DocumentLine(
                    position=position,
                    kind=LineKind.DISCOUNT,
                    description=_("Remboursement partiel, TVA %(rate)s %%")
                    % {"rate": f"{rate * 100:.2f}".rstrip("0").rstrip(".")},
                    quantity=-1,
                    unit_net=net,
                    vat_rate=rate,
                    total_net=-net,
                    total_gross=-gross,
                )
            )
        return _save(invoice=invoice, reason=reason, lines=lines)


def issue_full_credit_note(*, invoice: Invoice, reason: str) -> CreditNote:
    """Cancel the whole invoice (what is left of it after partial credit notes); a second call for
    the same invoice returns the credit note that completed it."""
    with transaction.atomic():
        Invoice.objects.select_for_update().get(pk=invoice.pk)  # one credit note at a time per invoice
        existing = invoice.credit_notes.filter(total_gross=-invoice.total_gross).first()
        if existing is not None:
            return existing
        left = left_to_credit(invoice=invoice)
        if left <= 0:
            return invoice.credit_notes.order_by("-year", "-sequence_number").first()  # type: ignore[return-value]
        if left != invoice.total_gross:  # partly credited already: credit what is left
            return issue_partial_credit_note(invoice=invoice, amount=left, reason=reason)
        lines = [
            DocumentLine(
                position=line.position,
                kind=line.kind,
                description=line.description,
                sku=line.sku,
                quantity=-line.quantity,
                unit_net=line.unit_net,
                vat_rate=line.vat_rate,
                total_net=-line.total_net,
                total_gross=-line.total_gross,
            )
            for line in invoice.lines.all()
        ]
        # The invoice's own rows and totals, turned round: a credit note never re-rounds what it cancels.
        return _save(
            invoice=invoice,
            reason=reason,
            lines=lines,
            vat_rows=[
                {key: str(-Decimal(value)) if key != "rate" else value for key, value in row.items()}
                for row in invoice.vat_breakdown
            ],
            totals=(-invoice.total_net, -invoice.total_vat, -invoice.total_gross),
        )
