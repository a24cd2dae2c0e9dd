"""Every kind of document the shop issues, checked by tools the project did not write: the CEN CII schema,
the Factur-X EN 16931 schematron (0 fatal rule) and, for a company's documents, the French CTC
(« Flux 2 ») schematron (0 error). Each VAT row is its base × rate, rounded to the cent."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from lxml import etree

from comptoir.core.money import quantize
from comptoir.invoicing.einvoice import invoice_xml
from comptoir.invoicing.models import CreditNote, Invoice
from comptoir.invoicing.services.issue_credit_note import issue_full_credit_note
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from comptoir.resellers.models import PaymentTerms, TaxRegime
from comptoir.workflow.services.ship_and_invoice import ship_part_and_invoice
from tests.einvoice_rules import broken_rules
from tests.factories.parcels import quantities, reseller_order_with_stock
from tests.factories.payments import OrderFactory
from tests.invoicing.company_orders import company_order

pytestmark = pytest.mark.django_db

NS = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
Document = tuple[Invoice, CreditNote | None]


def boutique_invoice() -> Document:
    return issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID)), None


def reseller_invoice(regime: str, terms: str = PaymentTerms.NET_30) -> Callable[[], Document]:
    def build() -> Document:
        status = OrderStatus.PAID if terms == PaymentTerms.PREPAYMENT else OrderStatus.SHIPPED
        order = company_order(regime=regime, terms=terms, status=status, lines=[(12, "40.00"), (3, "33.33")])
        return issue_invoice_for_order(order=order), None

    return build


def parcel_invoices() -> list[Document]:
    order = reseller_order_with_stock(lines=[(3, "33.33"), (5, "12.10")])
    first = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 2), tracking_number="6A001", actor=None
    ).invoice
    second = ship_part_and_invoice(
        order=order, quantities=quantities(order, 2, 3), tracking_number="6A002", actor=None
    ).invoice
    return [(first, None), (second, None)]


def first_parcel() -> Document:
    return parcel_invoices()[0]


def second_parcel() -> Document:
    return parcel_invoices()[1]


def credit_note(build: Callable[[], Document]) -> Callable[[], Document]:
    def credited() -> Document:
        invoice, _ = build()
        return invoice, issue_full_credit_note(invoice=invoice, reason="Retour de la commande")

    return credited


def three_hundred_pieces() -> Document:
    order = company_order(regime=TaxRegime.DOMESTIC, status=OrderStatus.SHIPPED, lines=[(300, "33.33")])
    return issue_invoice_for_order(order=order), None


DOCUMENTS: dict[str, Callable[[], Document]] = {
    "boutique invoice": boutique_invoice,
    "French reseller on terms": reseller_invoice(TaxRegime.DOMESTIC),
    "intra-EU reseller on terms": reseller_invoice(TaxRegime.INTRA_EU),
    "intra-EU reseller prepaid": reseller_invoice(TaxRegime.INTRA_EU, PaymentTerms.PREPAYMENT),
    "French reseller prepaid": reseller_invoice(TaxRegime.DOMESTIC, PaymentTerms.PREPAYMENT),
    "export reseller": reseller_invoice(TaxRegime.EXPORT),
    "first parcel": first_parcel,
    "second parcel": second_parcel,
    "credit note, French reseller": credit_note(reseller_invoice(TaxRegime.DOMESTIC)),
    "credit note, intra-EU prepaid": credit_note(
        reseller_invoice(TaxRegime.INTRA_EU, PaymentTerms.PREPAYMENT)
    ),
    "credit note of a parcel": credit_note(first_parcel),
    "credit note, boutique": credit_note(boutique_invoice),
    "300 pieces at 33.33 HT": three_hundred_pieces,
}


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_each_document_breaks_no_rule(kind):
    invoice, note = DOCUMENTS[kind]()
    xml = invoice_xml(invoice=invoice, credit_note=note)
    assert broken_rules(xml, french_ctc=invoice.buyer_is_company) == []


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_each_vat_row_is_its_base_times_its_rate(kind):
    invoice, note = DOCUMENTS[kind]()
    tree = etree.fromstring(invoice_xml(invoice=invoice, credit_note=note))
    rows = tree.xpath("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", namespaces=NS)
    assert rows
    for row in rows:
        base, vat, percent = (
            Decimal(row.findtext(f"ram:{name}", namespaces=NS))
            for name in ("BasisAmount", "CalculatedAmount", "RateApplicablePercent")
        )
        expected = quantize(base * percent / 100)
        if invoice.buyer_is_company:  # prices HT: the VAT is computed once per rate, exact
            assert vat == expected
        else:  # prices TTC: the price paid is kept, its VAT within the cent of base × rate
            assert abs(vat - expected) <= Decimal("0.01")


def test_three_hundred_pieces_at_33_33_carry_1999_80_of_vat():
    invoice, _ = three_hundred_pieces()
    assert (invoice.total_net, invoice.total_vat, invoice.total_gross) == (
        Decimal("9999.00"),
        Decimal("1999.80"),
        Decimal("11998.80"),
    )
