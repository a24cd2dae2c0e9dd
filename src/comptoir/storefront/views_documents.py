"""The customer's invoices and credit notes, listed and downloaded from her account.

Scoped to ``request.user`` by the invoicing selectors: another customer's document is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from comptoir.core.money import Money, format_money
from comptoir.invoicing import selectors as documents
from comptoir.invoicing.pdf import credit_note_pdf, invoice_pdf

from .views_account import AuthenticatedRequest


@login_required
def document_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = [
        {"document": document, "total": format_money(Money(document.total_gross, document.currency))}
        for document in documents.documents_of_customer(user=request.user)
    ]
    return render(request, "storefront/account/documents.html", {"rows": rows})


@login_required
def document_pdf(request: AuthenticatedRequest, number: str) -> HttpResponse:
    invoice = documents.customer_invoice(user=request.user, number=number)
    credit_note = None if invoice else documents.customer_credit_note(user=request.user, number=number)
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
