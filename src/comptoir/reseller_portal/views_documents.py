"""The company's invoices and credit notes, listed and downloaded by any of its buyers.

Scoped to the buyer's company by the invoicing selectors: another company's document is a 404.
A company's invoice is its Factur-X PDF (the structured invoice inside), as issued.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from comptoir.core.downloads import private_download
from comptoir.invoicing import selectors as documents
from comptoir.invoicing.pdf import company_document_pdf

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
    content = company_document_pdf(company=company, number=number)
    if content is None:
        raise Http404(_("Ce document n'existe pas."))
    return private_download(content, filename=f"{number}.pdf")


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
