"""A company's invoices and credit notes through the API: listed, downloaded, never another company's."""

from __future__ import annotations

import pytest

from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Channel
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def invoice_of(caller):
    order = OrderFactory(
        channel=Channel.RESELLER,
        company=caller.buyer.company,
        customer=caller.buyer.user,
        email=caller.buyer.user.email,
    )
    return issue_invoice_for_order(order=order)


def test_invoices_are_listed_with_a_link_to_their_pdf(company_a, company_b):
    invoice = invoice_of(company_a)
    invoice_of(company_b)
    listing = company_a.get("/api/v1/invoices").json()
    assert listing["count"] == 1
    [row] = listing["items"]
    assert row["kind"] == "invoice"
    assert row["number"] == invoice.number
    assert row["order_number"] == invoice.order.number
    assert row["pdf_url"] == f"/api/v1/invoices/{invoice.number}/pdf"
    pdf = company_a.get(row["pdf_url"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Cache-Control"] == "private, no-store"


def test_another_companys_invoice_is_a_404(company_a, company_b):
    theirs = invoice_of(company_b)
    response = company_a.get(f"/api/v1/invoices/{theirs.number}/pdf")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert company_a.get("/api/v1/invoices").json()["items"] == []
