"""Factur-X: a company's invoice PDF is a PDF/A-3 carrying EN 16931 XML the library's schema accepts,
and the XML's totals are the invoice's and the PDF's."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from facturx import get_xml_from_pdf, xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from comptoir.invoicing.einvoice import invoice_xml
from comptoir.invoicing.pdf import invoice_pdf
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from comptoir.resellers.models import TaxRegime
from tests.factories.payments import OrderFactory
from tests.invoicing.company_orders import company_order
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

NS = {
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
}
SUMMARY = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:"


def figure(tree: etree._Element, path: str) -> Decimal:
    [value] = tree.xpath(path, namespaces=NS)
    return Decimal(value.text)


@pytest.mark.parametrize(
    ("regime", "category"), [(TaxRegime.DOMESTIC, "S"), (TaxRegime.INTRA_EU, "K"), (TaxRegime.EXPORT, "G")]
)
def test_the_xml_validates_and_states_the_invoice_totals(regime, category):
    order = company_order(regime=regime, status=OrderStatus.SHIPPED, lines=[(12, "40.00"), (3, "33.33")])
    invoice = issue_invoice_for_order(order=order)
    xml = invoice_xml(invoice=invoice)
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931") is True
    tree = etree.fromstring(xml)
    assert figure(tree, SUMMARY + "TaxBasisTotalAmount") == invoice.total_net
    assert figure(tree, SUMMARY + "TaxTotalAmount") == invoice.total_vat
    assert figure(tree, SUMMARY + "GrandTotalAmount") == invoice.total_gross
    assert figure(tree, SUMMARY + "DuePayableAmount") == invoice.total_gross  # on 30 days: nothing paid yet
    assert tree.xpath(
        "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode/text()", namespaces=NS
    ) == [category]
    assert tree.xpath("//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID/text()", namespaces=NS) == [
        "BC-2026-117"
    ]
    assert tree.xpath("//ram:IBANID/text()", namespaces=NS) == ["FR7630006000011234567890189"]
    subjects = tree.xpath("//ram:IncludedNote/ram:SubjectCode/text()", namespaces=NS)
    assert {"PMD", "PMT", "AAB"} <= set(subjects)


def test_a_discount_is_a_document_allowance_and_the_sums_still_hold():
    order = company_order(
        lines=[(10, "40.00")],
        discount_code="SALON",
        discount_net=Decimal("40.00"),
        discount_gross=Decimal("48.00"),
    )
    order.total_net, order.total_gross = Decimal("360.00"), Decimal("432.00")
    order.save(update_fields=["total_net", "total_gross"])
    invoice = issue_invoice_for_order(order=order)
    tree = etree.fromstring(invoice_xml(invoice=invoice))
    assert figure(tree, SUMMARY + "LineTotalAmount") == Decimal("400.00")
    assert figure(tree, SUMMARY + "AllowanceTotalAmount") == Decimal("40.00")
    assert figure(tree, SUMMARY + "TaxBasisTotalAmount") == Decimal("360.00") == invoice.total_net
    assert figure(tree, SUMMARY + "GrandTotalAmount") == Decimal("432.00") == invoice.total_gross


def test_the_pdf_is_a_pdfa3_carrying_the_xml_and_prints_the_same_totals():
    invoice = issue_invoice_for_order(order=company_order(regime=TaxRegime.DOMESTIC, lines=[(7, "41.67")]))
    pdf = invoice_pdf(invoice=invoice)
    filename, xml = get_xml_from_pdf(pdf, check_xsd=True)
    assert filename == "factur-x.xml"
    metadata = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>3</pdfaid:part>" in metadata and b"<pdfaid:conformance>B" in metadata
    tree = etree.fromstring(xml)
    # 7 × 41,67 = 291,69 HT; VAT 58,338 → 58,34; 350,03 TTC.
    assert figure(tree, SUMMARY + "GrandTotalAmount") == Decimal("350.03") == invoice.total_gross
    assert figure(tree, SUMMARY + "TaxTotalAmount") == Decimal("58.34")
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for amount in ("291,69 €", "58,34 €", "350,03 €"):
        assert amount in flat


def test_a_consumer_gets_a_plain_pdf():
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    pdf = invoice_pdf(invoice=invoice)
    assert not any(get_xml_from_pdf(pdf, check_xsd=False))


@pytest.mark.parametrize("regime", [TaxRegime.DOMESTIC, TaxRegime.INTRA_EU])
def test_a_company_credit_note_is_a_factur_x_credit_note_on_its_invoice(regime):
    from comptoir.invoicing.pdf import credit_note_pdf
    from comptoir.invoicing.services.issue_credit_note import issue_full_credit_note

    order = company_order(regime=regime, status=OrderStatus.SHIPPED, lines=[(12, "40.00"), (3, "33.33")])
    invoice = issue_invoice_for_order(order=order)
    note = issue_full_credit_note(invoice=invoice, reason="Retour de la commande")
    xml = invoice_xml(invoice=invoice, credit_note=note)
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931") is True
    tree = etree.fromstring(xml)
    assert tree.xpath("//rsm:ExchangedDocument/ram:TypeCode/text()", namespaces=NS) == ["381"]
    assert tree.xpath("//ram:InvoiceReferencedDocument/ram:IssuerAssignedID/text()", namespaces=NS) == [
        invoice.number
    ]
    # The credit note's own figures are negative; a 381 states them positive.
    assert figure(tree, SUMMARY + "GrandTotalAmount") == -note.total_gross == invoice.total_gross
    assert figure(tree, SUMMARY + "TaxTotalAmount") == -note.total_vat
    assert sorted(tree.xpath("//ram:BilledQuantity/text()", namespaces=NS)) == ["12", "3"]
    filename, embedded = get_xml_from_pdf(credit_note_pdf(credit_note=note), check_xsd=True)
    assert filename == "factur-x.xml" and etree.fromstring(embedded).xpath(
        "//rsm:ExchangedDocument/ram:ID/text()", namespaces=NS
    ) == [note.number]


def test_the_pdf_info_and_its_xmp_state_the_same_producer_and_keywords():
    invoice = issue_invoice_for_order(order=company_order(regime=TaxRegime.DOMESTIC, lines=[(7, "41.67")]))
    reader = PdfReader(io.BytesIO(invoice_pdf(invoice=invoice)))
    xmp = etree.fromstring(reader.trailer["/Root"]["/Metadata"].get_object().get_data())
    pdf_ns = {"pdf": "http://ns.adobe.com/pdf/1.3/"}
    assert xmp.xpath("//pdf:Producer/text()", namespaces=pdf_ns) == [reader.metadata["/Producer"]]
    assert reader.metadata["/Producer"].startswith("WeasyPrint")
    assert (
        xmp.xpath("//pdf:Keywords/text()", namespaces=pdf_ns)
        == [reader.metadata["/Keywords"]]
        == ["Factur-X"]
    )


def test_an_issued_invoice_is_served_as_drawn_at_issue_even_after_its_order_is_paid():
    order = company_order(regime=TaxRegime.DOMESTIC, status=OrderStatus.SHIPPED, lines=[(12, "40.00")])
    invoice = issue_invoice_for_order(order=order)
    drawn = invoice_pdf(invoice=invoice)
    order.paid_at = order.shipped_at
    order.save(update_fields=["paid_at"])
    from comptoir.invoicing.models import Invoice

    again = invoice_pdf(invoice=Invoice.objects.get(pk=invoice.pk))
    assert again == drawn  # the kept bytes, not a new drawing
    _, xml = get_xml_from_pdf(again, check_xsd=False)
    tree = etree.fromstring(xml)
    assert figure(tree, SUMMARY + "DuePayableAmount") == Decimal("576.00")  # as issued: unpaid
    assert "Réglée" not in pdf_text(again)


def test_a_prepaid_invoice_says_paid_and_states_the_period_its_goods_leave_in():
    from comptoir.resellers.models import PaymentTerms

    order = company_order(regime=TaxRegime.INTRA_EU, status=OrderStatus.PAID, terms=PaymentTerms.PREPAYMENT)
    order.paid_at = order.created_at
    order.save(update_fields=["paid_at"])
    invoice = issue_invoice_for_order(order=order)
    tree = etree.fromstring(invoice_xml(invoice=invoice))
    issued_on = timezone.localdate(invoice.issued_at)
    assert (invoice.delivery_date, invoice.period_start) == (None, issued_on)
    assert (invoice.period_end - invoice.period_start).days == 7
    assert tree.xpath("//ram:BillingSpecifiedPeriod/ram:StartDateTime/*/text()", namespaces=NS) == [
        issued_on.strftime("%Y%m%d")
    ]
    assert figure(tree, SUMMARY + "DuePayableAmount") == Decimal("0.00")
    assert figure(tree, SUMMARY + "TotalPrepaidAmount") == invoice.total_gross == Decimal("480.00")
    from django.utils.formats import date_format

    flat = " ".join(pdf_text(invoice_pdf(invoice=invoice)).split())
    start, end = (date_format(day, "j F Y") for day in (invoice.period_start, invoice.period_end))
    assert f"Expédition entre le {start} et le {end}" in flat


def test_the_pdf_is_drawn_and_kept_once_the_issue_is_committed(django_capture_on_commit_callbacks):
    from comptoir.invoicing.models import Invoice

    order = company_order(regime=TaxRegime.DOMESTIC, status=OrderStatus.SHIPPED, lines=[(12, "40.00")])
    with django_capture_on_commit_callbacks(execute=True):
        invoice = issue_invoice_for_order(order=order)
    kept = Invoice.objects.values_list("pdf", flat=True).get(pk=invoice.pk)
    assert kept is not None and bytes(kept).startswith(b"%PDF")
    assert invoice_pdf(invoice=Invoice.objects.get(pk=invoice.pk)) == bytes(kept)
