"""One invoice per parcel of an order shipped in parts: exactly its pieces, adding up to the order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.db.models import Sum
from django.utils import timezone

from comptoir.invoicing.models import Invoice
from comptoir.invoicing.services.issue_invoice import due_date_for, issue_invoice_for_order
from comptoir.invoicing.services.payment_reminders import send_payment_reminders
from comptoir.orders.models import OrderStatus
from comptoir.orders.services.cancel_backorder import cancel_backorder
from comptoir.resellers.models import PaymentTerms, TaxRegime
from comptoir.workflow.services.record_terms_payment import record_terms_payment
from comptoir.workflow.services.ship_and_invoice import ship_part_and_invoice
from tests.factories.parcels import quantities, reseller_order_with_stock

pytestmark = pytest.mark.django_db


def sums(order) -> tuple[Decimal, Decimal]:
    totals = Invoice.objects.filter(order=order).aggregate(net=Sum("total_net"), gross=Sum("total_gross"))
    return totals["net"], totals["gross"]


def test_two_parcel_invoices_add_up_to_the_order_to_the_cent():
    # 3 × 33,33 HT = 99,99; TTC 119,988 → 119,99. A third of it is 39,996: cut by cumulative
    # rounding, 40,00 then 79,99, never 40,00 + 80,00.
    order = reseller_order_with_stock(lines=[(3, "33.33"), (5, "12.10")])
    assert (order.total_net, order.total_gross) == (Decimal("160.49"), Decimal("192.59"))

    first = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 2), tracking_number="6A001", actor=None
    ).invoice
    second = ship_part_and_invoice(
        order=order, quantities=quantities(order, 2, 3), tracking_number="6A002", actor=None
    ).invoice

    assert [(line.quantity, line.total_net, line.total_gross) for line in first.lines.all()] == [
        (1, Decimal("33.33"), Decimal("40.00")),
        (2, Decimal("24.20"), Decimal("29.04")),
    ]
    assert [(line.quantity, line.total_net, line.total_gross) for line in second.lines.all()] == [
        (2, Decimal("66.66"), Decimal("79.99")),
        (3, Decimal("36.30"), Decimal("43.56")),
    ]
    assert (first.total_net, first.total_vat, first.total_gross) == (
        Decimal("57.53"),
        Decimal("11.51"),
        Decimal("69.04"),
    )
    assert sums(order) == (order.total_net, order.total_gross)
    assert second.sequence_number == first.sequence_number + 1  # gapless, the one numbering
    assert first.shipment.position == 1 and second.shipment.position == 2
    assert first.delivery_date == timezone.localdate(first.shipment.shipped_at)
    assert first.purchase_order_reference == "BC-2026-117"


def test_each_parcel_invoice_runs_its_own_terms():
    order = reseller_order_with_stock(terms=PaymentTerms.EOM_45)
    invoice = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 0), tracking_number="6A001", actor=None
    ).invoice
    today = timezone.localdate(invoice.issued_at)
    assert invoice.payment_terms == PaymentTerms.EOM_45
    assert invoice.due_date == due_date_for(terms=PaymentTerms.EOM_45, issued_on=today)
    order.refresh_from_db()
    assert order.payment_due_date == invoice.due_date  # the order follows its first invoice


def test_an_eu_company_s_parcel_is_invoiced_without_vat_with_its_mention():
    order = reseller_order_with_stock(lines=[(4, "40.00")], regime=TaxRegime.INTRA_EU)
    invoice = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1), tracking_number="6A001", actor=None
    ).invoice
    assert (invoice.total_net, invoice.total_vat, invoice.total_gross) == (
        Decimal("40.00"),
        Decimal("0.00"),
        Decimal("40.00"),
    )
    assert any("262 ter I" in mention for mention in invoice.mentions)


def test_cancelling_the_backorder_leaves_invoices_for_what_left_only():
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")])
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 4, 0), tracking_number="6A001", actor=None
    )
    cancel_backorder(order=order, actor_label="staff")
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    assert sums(order) == (Decimal("160.00"), Decimal("192.00"))
    assert Invoice.objects.filter(order=order).count() == 1


def test_an_order_paid_in_advance_was_invoiced_whole_and_its_parcels_add_no_invoice():
    order = reseller_order_with_stock(status=OrderStatus.PAID, terms=PaymentTerms.PREPAYMENT)
    whole = issue_invoice_for_order(order=order)  # what the payment did
    shipment = ship_part_and_invoice(
        order=order, quantities=quantities(order, 2, 0), tracking_number="6A001", actor=None
    )
    assert not Invoice.objects.filter(shipment=shipment).exists()
    assert list(Invoice.objects.filter(order=order)) == [whole]


def test_a_terms_payment_after_a_cancelled_backorder_records_what_was_invoiced():
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], payment_method="on_terms")
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 4, 0), tracking_number="6A001", actor=None
    )
    cancel_backorder(order=order, actor_label="staff")

    payment = record_terms_payment(order=order, actor=None, reference="VIR-117")

    assert payment is not None and payment.amount == Decimal("192.00")  # 4 × 40,00 HT + 20 % VAT


def test_the_reminder_names_the_parcel_invoice_that_fell_due_first(django_capture_on_commit_callbacks):
    order = reseller_order_with_stock(payment_method="on_terms")
    first = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 0), tracking_number="6A001", actor=None
    ).invoice
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 0), tracking_number="6A002", actor=None
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_payment_reminders(today=first.due_date + dt.timedelta(days=1))

    [reminder] = mail.outbox
    assert first.number in reminder.subject
