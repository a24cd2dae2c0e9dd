"""A credit note (avoir) for a refunded order: the invoice's lines, negative, with its own numbers."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import CreditNote, DocumentKind, DocumentLine, Invoice
from ..pdf import keep_pdf_after_commit
from .numbering import next_number


def issue_full_credit_note(*, invoice: Invoice, reason: str) -> CreditNote:
    """Cancel the whole invoice; a second call for the same invoice returns the first credit note."""
    with transaction.atomic():
        Invoice.objects.select_for_update().get(pk=invoice.pk)  # one credit note at a time per invoice
        existing = invoice.credit_notes.filter(total_gross=-invoice.total_gross).first()
        if existing is not None:
            return existing
        issued_at = timezone.now()
        year = timezone.localdate(issued_at).year  # the shop's calendar year, not UTC's
        number, sequence_number = next_number(kind=DocumentKind.CREDIT_NOTE, year=year)
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
        credit_note = CreditNote(
            number=number,
            year=year,
            sequence_number=sequence_number,
            invoice=invoice,
            issued_at=issued_at,
            reason=reason[:200],
            total_net=-invoice.total_net,
            total_vat=-invoice.total_vat,
            total_gross=-invoice.total_gross,
            # The invoice's own rows, turned round: a credit note never re-rounds what it cancels.
            vat_breakdown=[
                {key: str(-Decimal(value)) if key != "rate" else value for key, value in row.items()}
                for row in invoice.vat_breakdown
            ],
        )
        credit_note.save(_first_write=True)
        for line in lines:
            line.credit_note = credit_note
            line.save(_first_write=True)
        keep_pdf_after_commit(credit_note=credit_note)
    return credit_note
