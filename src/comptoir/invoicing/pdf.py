"""Invoices as PDF: an HTML template drawn by WeasyPrint, in the buyer's language, once.

An issued document never changes: its PDF (a Factur-X for a company, the EN 16931 XML inside) is drawn
from the frozen document just after it is issued and kept in the database (``Invoice.pdf``,
``CreditNote.pdf``); every download, email and API call serves those bytes. A document issued before
they were kept is drawn on its first download, then kept. What happened later (a payment) belongs to
the order's page, not to the invoice.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from comptoir.accounts.models import User
from comptoir.core.money import Money, format_money
from comptoir.notifications.jobs import enqueue
from comptoir.orders.models import PaymentMethod, payment_method_label
from comptoir.resellers.models import Company, PaymentTerms

from . import selectors
from .einvoice import facturx_pdf
from .legal import RECOVERY_FEE
from .models import CreditNote, Invoice


def _render(*, invoice: Invoice, credit_note: CreditNote | None = None) -> str:
    """The invoice's page; for a credit note, its own lines and totals under the invoice's parties."""
    document: Invoice | CreditNote = credit_note or invoice
    with translation.override(invoice.language):

        def money(amount: object) -> str:
            return format_money(Money(Decimal(str(amount)), invoice.currency))

        context = {
            "invoice": invoice,
            "credit_note": credit_note,
            "lines": [
                {
                    "line": line,
                    "unit_net": money(line.unit_net),
                    "total_net": money(line.total_net),
                    "vat_percent": f"{Decimal(line.vat_rate) * 100:.1f}".replace(".0", ""),
                }
                for line in document.lines.all()
            ],
            "breakdown": [
                {
                    "rate": f"{Decimal(row['rate']) * 100:.1f}".replace(".0", ""),
                    "net": money(row["net"]),
                    "vat": money(row["vat"]),
                    "gross": money(row["gross"]),
                }
                for row in document.vat_breakdown
            ],
            "total_net": money(document.total_net),
            "total_vat": money(document.total_vat),
            "total_gross": money(document.total_gross),
            "payment_method": payment_method_label(invoice.payment_method),
            "payment_terms": PaymentTerms(invoice.payment_terms).label if invoice.payment_terms else "",
            "is_paid": invoice.paid_when_issued,
            "show_bank": credit_note is None
            and (invoice.buyer_is_company or invoice.payment_method == PaymentMethod.BANK_TRANSFER),
            "recovery_fee": money(RECOVERY_FEE),
        }
        return render_to_string("invoicing/invoice.html", context)


def _draw_invoice(invoice: Invoice) -> bytes:
    html = _render(invoice=invoice)
    if not invoice.buyer_is_company:
        return HTML(string=html).write_pdf()
    # A company's invoice is a Factur-X: PDF/A-3b, with its EN 16931 XML inside.
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx_pdf(pdf=pdf, invoice=invoice)


def _draw_credit_note(credit_note: CreditNote) -> bytes:
    invoice = credit_note.invoice
    html = _render(invoice=invoice, credit_note=credit_note)
    if not invoice.buyer_is_company:
        return HTML(string=html).write_pdf()
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx_pdf(pdf=pdf, invoice=invoice, credit_note=credit_note)


def invoice_pdf(*, invoice: Invoice) -> bytes:
    """The invoice's PDF as issued: the kept bytes, drawn and kept first if they are not yet."""
    return _kept(invoice, lambda: _draw_invoice(invoice))


def credit_note_pdf(*, credit_note: CreditNote) -> bytes:
    """The credit note's PDF as issued: the kept bytes, drawn and kept first if they are not yet."""
    return _kept(credit_note, lambda: _draw_credit_note(credit_note))


def _kept(document: Invoice | CreditNote, draw: Callable[[], bytes]) -> bytes:
    kept: bytes | memoryview | None = document.pdf
    if kept is None:
        rows = type(document).objects.filter(pk=document.pk)
        kept = rows.values_list("pdf", flat=True).first()
        if kept is None:
            # Written once, only while empty (save() refuses any change to an issued document); two
            # drawings at once keep the first written, and both callers serve that one.
            rows.filter(pdf__isnull=True).update(pdf=draw())
            kept = rows.values_list("pdf", flat=True).get()
        document.pdf = kept
    return bytes(kept or b"")


def keep_issued_pdf(*, invoice_id: int | None = None, credit_note_id: int | None = None) -> None:
    """The job that draws and keeps a document's PDF just after its issue (a failure leaves it to the
    first download: the document is issued whether or not its PDF could be drawn yet)."""
    if invoice_id is not None:
        invoice_pdf(invoice=Invoice.objects.get(pk=invoice_id))
    if credit_note_id is not None:
        credit_note_pdf(credit_note=CreditNote.objects.get(pk=credit_note_id))


def keep_pdf_after_commit(*, invoice: Invoice | None = None, credit_note: CreditNote | None = None) -> None:
    """Once the issue is committed, draw and keep the PDF: in the worker when there is one."""
    transaction.on_commit(
        partial(
            enqueue,
            keep_issued_pdf,
            invoice_id=invoice.pk if invoice is not None else None,
            credit_note_id=credit_note.pk if credit_note is not None else None,
        )
    )


def issued_document_pdf(*, invoice: Invoice | None, credit_note: CreditNote | None) -> bytes | None:
    """The PDF of whichever was found (an invoice, else a credit note), None when neither was."""
    if invoice is not None:
        return invoice_pdf(invoice=invoice)
    return None if credit_note is None else credit_note_pdf(credit_note=credit_note)


def customer_document_pdf(*, user: User, number: str) -> bytes | None:
    """A customer's own invoice or credit note by its number; another person's is None (a 404)."""
    invoice = selectors.customer_invoice(user=user, number=number)
    credit_note = None if invoice else selectors.customer_credit_note(user=user, number=number)
    return issued_document_pdf(invoice=invoice, credit_note=credit_note)


def company_document_pdf(*, company: Company, number: str) -> bytes | None:
    """A company's own invoice or credit note by its number; another company's is None (a 404)."""
    invoice = selectors.company_invoice(company=company, number=number)
    credit_note = None if invoice else selectors.company_credit_note(company=company, number=number)
    return issued_document_pdf(invoice=invoice, credit_note=credit_note)
