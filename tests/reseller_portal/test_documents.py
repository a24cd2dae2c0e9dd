"""A company's buyers list and download its invoices; another company's are a 404."""

import pytest
from facturx import get_facturx_xml_from_pdf

from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import Channel
from tests.factories.payments import OrderFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory
from tests.pdf_text import pdf_text

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


def test_the_line_sheet_gives_a_buyer_the_company_s_prices_ht_and_the_suggested_retail(client, run):

    _price_list, _product, variants = run
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    rows = client.get("/fr/pro/catalogue/line-sheet.csv").content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("produit;sku;ean13;couleur;taille;coupe;prix_ht;prix_conseille_ttc")
    first = rows[1].split(";")
    assert (first[1], first[6], first[7]) == (variants[0].sku, "50,00", "120,00")
    pdf = client.get("/fr/pro/catalogue/line-sheet.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Chemise Oxford" in text and "50,00" in text and variants[0].sku in text
