"""The customer's invoices and credit notes, listed and downloaded from her account.

Scoped to ``request.user`` by the invoicing selectors: another customer's document is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from comptoir.core.downloads import private_download
from comptoir.core.money import Money, format_money
from comptoir.invoicing import selectors as documents
from comptoir.invoicing.pdf import customer_document_pdf

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
    content = customer_document_pdf(user=request.user, number=number)
    if content is None:
        raise Http404(_("Ce document n'existe pas."))
    return private_download(content, filename=f"{number}.pdf")
