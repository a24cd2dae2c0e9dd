"""The company's invoices and credit notes, listed and downloaded by any of its buyers.

Scoped to the buyer's company by the invoicing selectors: another company's document is a 404.
A company's invoice is its Factur-X PDF (the structured invoice inside), as issued.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from comptoir.invoicing import selectors as documents
from comptoir.invoicing.pdf import credit_note_pdf, invoice_pdf

from .access import buyer_required
from .line_sheet import line_sheet_csv, line_sheet_pdf


@buyer_required
def document_list(request: HttpRequest) -> HttpResponse:
    buyer = request.buyer  # type: ignore[attr-defined]
    rows = documents.documents_of_company(company=buyer.company)
    return render(request, "reseller_portal/documents.html", {"buyer": buyer, "documents": rows})


@buyer_required
def document_pdf(request: HttpRequest, number: str) -> HttpResponse:
    company = request.buyer.company  # type: ignore[attr-defined]
    invoice = documents.company_invoice(company=company, number=number)
    credit_note = None if invoice else documents.company_credit_note(company=company, number=number)
    if invoice is not None:
        content = invoice_pdf(invoice=invoice)
    elif credit_note is not None:
        content = credit_note_pdf(credit_note=credit_note)
    else:
        raise Http404(_("Ce document n'existe pas."))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@buyer_required
def line_sheet_pdf_view(request: HttpRequest) -> HttpResponse:
    buyer = request.buyer  # type: ignore[attr-defined]
    content = line_sheet_pdf(policy=request.wholesale, company_name=buyer.company.shop_name)  # type: ignore[attr-defined]
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="line-sheet.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@buyer_required
def line_sheet_csv_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(line_sheet_csv(policy=request.wholesale), content_type="text/csv")  # type: ignore[attr-defined]
    response["Content-Disposition"] = 'attachment; filename="line-sheet.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
