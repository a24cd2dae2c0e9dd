"""A company's buyers list and download its invoices; another company's are a 404."""

import pytest
from facturx import get_facturx_xml_from_pdf

from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Channel
from tests.factories.payments import OrderFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db


def test_a_buyer_downloads_the_company_invoice_and_never_another_company_s(client):
    PriceListFactory()  # the space opens once the founder has a wholesale list
    buyer, other = BuyerFactory(), BuyerFactory()
    order = OrderFactory(channel=Channel.RESELLER, company=buyer.company, customer=buyer.user)
    invoice = issue_invoice_for_order(order=order)
    theirs = issue_invoice_for_order(
        order=OrderFactory(channel=Channel.RESELLER, company=other.company, customer=other.user)
    )
    client.force_login(buyer.user)
    page = client.get("/fr/pro/factures/").content.decode()
    assert f"Facture {invoice.number}" in page and theirs.number not in page
    pdf = client.get(f"/fr/pro/factures/{invoice.number}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    filename, xml = get_facturx_xml_from_pdf(pdf.content, check_xsd=False)
    assert filename == "factur-x.xml" and invoice.number.encode() in xml  # its structured twin inside
    assert client.get(f"/fr/pro/factures/{theirs.number}.pdf").status_code == 404
