"""Invoices as PDF: an HTML template drawn by WeasyPrint, in the buyer's language."""

from __future__ import annotations

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from comptoir.core.money import Money, format_money
from comptoir.resellers.models import PaymentTerms

from .einvoice import facturx_pdf
from .legal import RECOVERY_FEE
from .models import Invoice

PAYMENT_METHODS = {
    "bank_transfer": _("virement bancaire"),
    "stripe": _("carte bancaire"),
    "demo": _("paiement de démonstration"),
}


def invoice_pdf(*, invoice: Invoice) -> bytes:
    with translation.override(invoice.language):

        def money(amount: object) -> str:
            return format_money(Money(Decimal(str(amount)), invoice.currency))

        context = {
            "invoice": invoice,
            "lines": [
                {
                    "line": line,
                    "unit_net": money(line.unit_net),
                    "total_net": money(line.total_net),
                    "vat_percent": f"{Decimal(line.vat_rate) * 100:.1f}".replace(".0", ""),
                }
                for line in invoice.lines.all()
            ],
            "breakdown": [
                {
                    "rate": f"{Decimal(row['rate']) * 100:.1f}".replace(".0", ""),
                    "net": money(row["net"]),
                    "vat": money(row["vat"]),
                    "gross": money(row["gross"]),
                }
                for row in invoice.vat_breakdown
            ],
            "total_net": money(invoice.total_net),
            "total_vat": money(invoice.total_vat),
            "total_gross": money(invoice.total_gross),
            "payment_method": PAYMENT_METHODS.get(invoice.payment_method, invoice.payment_method),
            "payment_terms": PaymentTerms(invoice.payment_terms).label if invoice.payment_terms else "",
            "is_paid": invoice.order is not None and invoice.order.paid_at is not None,
            "show_bank": invoice.buyer_is_company or invoice.payment_method == "bank_transfer",
            "recovery_fee": money(RECOVERY_FEE),
        }
        html = render_to_string("invoicing/invoice.html", context)
    if not invoice.buyer_is_company:
        return HTML(string=html).write_pdf()
    # A company's invoice is a Factur-X: PDF/A-3b, with its EN 16931 XML inside.
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return facturx_pdf(pdf=pdf, invoice=invoice)
