"""Customers download their invoices and credit notes from their account; resellers see their company's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from comptoir.invoicing.pdf import credit_note_pdf
from comptoir.invoicing.selectors import company_credit_note, documents_of_company, documents_of_customer
from comptoir.invoicing.services.issue_credit_note import issue_full_credit_note
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from comptoir.resellers.models import TaxRegime
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory
from tests.invoicing.company_orders import company_order
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_a_customer_lists_and_downloads_her_invoices_and_credit_notes(client):
    customer = UserFactory()
    first = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID, customer=customer))
    second = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID, customer=customer))
    credit_note = issue_full_credit_note(invoice=first, reason="Retour")
    someone_else = issue_invoice_for_order(
        order=OrderFactory(status=OrderStatus.PAID, customer=UserFactory())
    )
    client.force_login(customer)

    page = client.get(reverse("storefront:account_documents")).content.decode()

    assert [document.number for document in documents_of_customer(user=customer)] == [
        credit_note.number,
        second.number,
        first.number,
    ]
    assert first.number in page and credit_note.number in page and someone_else.number not in page
    response = client.get(reverse("storefront:account_document", args=[credit_note.number]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get(reverse("storefront:account_document", args=[someone_else.number])).status_code == 404


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("storefront:account_documents"))
    assert response.status_code == 302


def test_a_reseller_company_sees_its_own_documents_only():
    ours = company_order(regime=TaxRegime.DOMESTIC)
    theirs = company_order(regime=TaxRegime.EXPORT)
    invoice = issue_invoice_for_order(order=ours)
    issue_invoice_for_order(order=theirs)
    note = issue_full_credit_note(invoice=invoice, reason="Erreur de taille")
    assert [document.number for document in documents_of_company(company=ours.company)] == [
        note.number,
        invoice.number,
    ]
    assert company_credit_note(company=theirs.company, number=note.number) is None


def test_the_credit_note_pdf_names_the_invoice_it_corrects():
    invoice = issue_invoice_for_order(order=company_order(regime=TaxRegime.INTRA_EU))
    note = issue_full_credit_note(invoice=invoice, reason="Retour de la commande")
    flat = " ".join(pdf_text(credit_note_pdf(credit_note=note)).split())
    assert note.number in flat and f"Sur la facture {invoice.number}" in flat
    assert "-480,00" in flat and "262 ter I" in flat and "Retour de la commande" in flat
