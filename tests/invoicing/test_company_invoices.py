"""Invoices to companies and every tax case, against figures computed by hand.

Rounding: each order line is rounded to the cent once (HT, then TTC = HT × (1 + rate), half up); the
invoice copies the lines and its totals are their sums, VAT per rate the sum of the lines' VAT.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from comptoir.invoicing.models import Invoice
from comptoir.invoicing.pdf import invoice_pdf
from comptoir.invoicing.services.issue_invoice import due_date_for, issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from comptoir.resellers.models import PaymentTerms, TaxRegime
from comptoir.workflow.services.ship_and_invoice import ship_with_tracking_and_invoice
from tests.factories.orders import order_with_stock
from tests.factories.payments import OrderFactory
from tests.invoicing.company_orders import company_order
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def totals(invoice: Invoice) -> tuple[Decimal, Decimal, Decimal]:
    return invoice.total_net, invoice.total_vat, invoice.total_gross


def test_a_french_company_pays_french_vat_and_reads_its_terms():
    order = company_order(regime=TaxRegime.DOMESTIC, lines=[(12, "40.00"), (6, "52.50")])
    invoice = issue_invoice_for_order(order=order)
    # 12 × 40,00 + 6 × 52,50 = 480,00 + 315,00 = 795,00 HT; VAT 96,00 + 63,00 = 159,00; 954,00 TTC.
    assert totals(invoice) == (Decimal("795.00"), Decimal("159.00"), Decimal("954.00"))
    assert invoice.vat_breakdown == [{"rate": "0.2000", "net": "795.00", "vat": "159.00", "gross": "954.00"}]
    assert invoice.buyer_is_company and invoice.buyer["siren"] == "303265045"
    assert invoice.buyer["vat_number"] == "FR40303265045"
    assert invoice.purchase_order_reference == "BC-2026-117"
    assert invoice.payment_terms == PaymentTerms.NET_30
    assert invoice.due_date == timezone.localdate(invoice.issued_at) + dt.timedelta(days=30)
    assert [line.description for line in invoice.lines.all()] == [
        "Chemise 1 (Blanc · 40)",
        "Chemise 2 (Blanc · 40)",
    ]  # shipping is free for resellers: no zero line
    assert invoice.mentions[0] == "Livraison de biens"
    assert any("12,15 %" in mention and "L441-10" in mention for mention in invoice.mentions)
    assert any("recouvrement" in mention and "40 €" in mention for mention in invoice.mentions)
    assert "Pas d'escompte pour paiement anticipé." in invoice.mentions
    assert not any("262" in mention for mention in invoice.mentions)


def test_an_eu_company_with_a_vat_number_buys_without_vat_and_both_numbers_are_printed():
    order = company_order(regime=TaxRegime.INTRA_EU, lines=[(12, "40.00")])
    invoice = issue_invoice_for_order(order=order)
    assert totals(invoice) == (Decimal("480.00"), Decimal("0.00"), Decimal("480.00"))
    assert (
        "Exonération de TVA, article 262 ter I du CGI. N° de TVA du vendeur : FR44732829320 ; "
        "n° de TVA de l'acquéreur : DE136695976."
    ) in invoice.mentions


def test_an_export_outside_the_eu_is_exempt_under_article_262_i():
    invoice = issue_invoice_for_order(order=company_order(regime=TaxRegime.EXPORT, lines=[(5, "41.67")]))
    # 5 × 41,67 = 208,35 HT, no VAT.
    assert totals(invoice) == (Decimal("208.35"), Decimal("0.00"), Decimal("208.35"))
    assert "Exonération de TVA, article 262 I du CGI" in invoice.mentions


def test_an_eu_consumer_pays_french_vat_like_a_french_one():
    belgium = {
        "first_name": "Lou",
        "last_name": "Peeters",
        "line1": "Rue Neuve 1",
        "postcode": "1000",
        "city": "Bruxelles",
        "country": "BE",
    }
    order = OrderFactory(status=OrderStatus.PAID, shipping_address=belgium, billing_address=belgium)
    invoice = issue_invoice_for_order(order=order)
    # 95,00 TTC (79,17 HT) + shipping 5,90 TTC (4,92 HT): 84,09 HT, 16,81 VAT, 100,90 TTC.
    assert totals(invoice) == (Decimal("84.09"), Decimal("16.81"), Decimal("100.90"))
    assert not invoice.buyer_is_company and invoice.due_date is None
    assert not any("262" in mention or "pénalités" in mention for mention in invoice.mentions)


def test_rounding_is_per_line_and_the_totals_are_the_sums_of_the_lines():
    # 3 × 33,33 = 99,99 HT → 119,988 → 119,99 TTC per line (VAT 20,00); two lines: 199,98 / 40,00 / 239,98.
    order = company_order(lines=[(3, "33.33"), (3, "33.33")])
    invoice = issue_invoice_for_order(order=order)
    assert totals(invoice) == (Decimal("199.98"), Decimal("40.00"), Decimal("239.98"))
    assert totals(invoice) == (order.total_net, order.total_gross - order.total_net, order.total_gross)


@pytest.mark.parametrize(
    ("terms", "issued", "due"),
    [
        (PaymentTerms.PREPAYMENT, dt.date(2026, 1, 20), dt.date(2026, 1, 20)),
        (PaymentTerms.NET_30, dt.date(2026, 1, 20), dt.date(2026, 2, 19)),
        (PaymentTerms.EOM_45, dt.date(2026, 1, 20), dt.date(2026, 3, 31)),  # 6 March → end of March
    ],
)
def test_due_dates_count_from_the_invoice(terms, issued, due):
    assert due_date_for(terms=terms, issued_on=issued) == due


def test_a_reseller_order_is_invoiced_when_its_parcel_leaves_with_the_delivery_date():
    order = order_with_stock(status=OrderStatus.PACKED)
    reseller = company_order(regime=TaxRegime.DOMESTIC)
    ship_with_tracking_and_invoice(order=reseller, tracking_number="6A12345678901", actor=None)
    ship_with_tracking_and_invoice(order=order, tracking_number="6A12345678902", actor=None)
    reseller.refresh_from_db()
    invoice = Invoice.objects.get(order=reseller)
    assert reseller.status == OrderStatus.SHIPPED
    assert invoice.delivery_date == timezone.localdate(reseller.shipped_at)
    assert not Invoice.objects.filter(order=order).exists()  # a boutique order is invoiced when paid


def test_the_company_invoice_pdf_prints_what_the_law_asks():
    order = company_order(regime=TaxRegime.INTRA_EU, status=OrderStatus.SHIPPED)
    order.shipping_address = {**order.shipping_address, "line1": "Lager 4, Hafenstraße 9"}
    order.save(update_fields=["shipping_address"])
    invoice = issue_invoice_for_order(order=order)
    text = pdf_text(invoice_pdf(invoice=invoice))
    flat = " ".join(text.split())
    for expected in [
        invoice.number,
        "BC-2026-117",
        "DE136695976",
        "FR44732829320",
        "262 ter I du CGI",
        "40 €",
        "Livraison de biens",
        "Hafenstraße 9",
        "14 septembre 2026",
        "FR76 3000 6000 0112 3456 7890 189",
        "480,00",
    ]:
        assert expected in flat, expected


def test_shipping_from_the_admin_invoices_the_reseller_order_too(admin_client):
    reseller = company_order(regime=TaxRegime.EXPORT)
    admin_client.post("/fr/admin/orders/order/", {"action": "ship", "_selected_action": [reseller.pk]})
    reseller.refresh_from_db()
    assert reseller.status == OrderStatus.SHIPPED
    assert Invoice.objects.get(order=reseller).total_gross == reseller.total_gross


def test_shipping_from_the_cockpit_invoices_the_reseller_order(admin_client):
    from django.urls import reverse

    reseller = company_order(regime=TaxRegime.DOMESTIC)
    admin_client.post(reverse("backoffice:to_ship"), {"order": reseller.pk, "tracking": "6A99887766554"})
    assert Invoice.objects.get(order=reseller).delivery_date is not None
