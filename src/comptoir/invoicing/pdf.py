"""Invoices as PDF: an HTML template drawn by WeasyPrint, in the buyer's language."""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from comptoir.accounts.models import User
from comptoir.core.money import Money, format_money
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
            "is_paid": invoice.order is not None and invoice.order.paid_at is not None,
            "show_bank": credit_note is None
            and (invoice.buyer_is_company or invoice.payment_method == PaymentMethod.BANK_TRANSFER),
            "recovery_fee": money(RECOVERY_FEE),
        }
        return render_to_string("invoicing/invoice.html", context)


def invoice_pdf(*, invoice: Invoice) -> bytes:
    html = _render(invoice=invoice)
    if not invoice.buyer_is_company:
        return HTML(string=html).write_pdf()
    # A company's invoice is a Factur-X: PDF/A-3b, with its EN 16931 XML inside.
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx_pdf(pdf=pdf, invoice=invoice)


def credit_note_pdf(*, credit_note: CreditNote) -> bytes:
    invoice = credit_note.invoice
    html = _render(invoice=invoice, credit_note=credit_note)
    if not invoice.buyer_is_company:
        return HTML(string=html).write_pdf()
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx_pdf(pdf=pdf, invoice=invoice, credit_note=credit_note)


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
