"""Invoices: issued with the payment, equal to the order to the cent, frozen, numbered without gap."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse

from comptoir.invoicing.models import DocumentKind, DocumentSequence, ImmutableDocument, Invoice
from comptoir.invoicing.pdf import invoice_pdf
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.invoicing.services.numbering import next_number
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import PaymentStatus
from comptoir.workflow.services.pay_order import mark_payment_paid
from tests.factories.orders import order_with_stock
from tests.factories.payments import OrderFactory, PaymentFactory
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_a_paid_order_gets_its_invoice_with_the_order_figures_to_the_cent():
    payment = PaymentFactory(provider="bank_transfer", status=PaymentStatus.PENDING)
    mark_payment_paid(payment_id=payment.pk, actor_label="staff")
    invoice = Invoice.objects.get(order=payment.order)
    order = payment.order
    assert (invoice.total_net, invoice.total_vat, invoice.total_gross) == (
        order.total_net,
        order.total_gross - order.total_net,
        order.total_gross,
    )
    assert invoice.number == f"F{invoice.year}-000001"
    assert [line.description for line in invoice.lines.all()][-1] == "Livraison : Colissimo"
    assert sum(line.total_gross for line in invoice.lines.all()) == order.total_gross
    assert invoice.vat_breakdown == [{"rate": "0.2000", "net": "84.09", "vat": "16.81", "gross": "100.90"}]
    assert invoice.seller["siren"] == "732829320" and invoice.buyer["email"] == order.email
    mark_payment_paid(payment_id=payment.pk, actor_label="stripe")  # a replayed report
    assert Invoice.objects.count() == 1


def test_a_discount_is_a_line_of_its_own_and_the_totals_still_match():
    order = order_with_stock(
        status=OrderStatus.PAID,
        discount_code="ETE10",
        discount_gross=Decimal("19.00"),
        discount_net=Decimal("15.83"),
        subtotal_gross=Decimal("190.00"),
        subtotal_net=Decimal("158.34"),
        total_gross=Decimal("176.90"),
        total_net=Decimal("147.43"),
    )
    invoice = issue_invoice_for_order(order=order)
    descriptions = [line.description for line in invoice.lines.all()]
    assert "Réduction (ETE10)" in descriptions
    assert sum(line.total_gross for line in invoice.lines.all()) == Decimal("176.90")
    assert sum(line.total_net for line in invoice.lines.all()) == Decimal("147.43")


def test_an_issued_invoice_can_be_neither_changed_nor_deleted():
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    invoice.total_gross = Decimal("1.00")
    with pytest.raises(ImmutableDocument):
        invoice.save()
    with pytest.raises(ImmutableDocument):
        invoice.delete()
    line = invoice.lines.first()
    with pytest.raises(ImmutableDocument):
        line.save()
    assert Invoice.objects.get().total_gross == Decimal("100.90")


def test_a_rolled_back_issue_gives_its_number_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        next_number(kind=DocumentKind.INVOICE, year=2027)
        raise RuntimeError("the issuing transaction failed after taking F2027-000001")
    with transaction.atomic():
        assert next_number(kind=DocumentKind.INVOICE, year=2027) == ("F2027-000001", 1)
        assert next_number(kind=DocumentKind.INVOICE, year=2027) == ("F2027-000002", 2)
    assert DocumentSequence.objects.get(kind=DocumentKind.INVOICE, year=2027).last_number == 2


def test_the_back_office_reads_but_never_edits_an_invoice(admin_client):
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    page = admin_client.get(f"/fr/admin/invoicing/invoice/{invoice.pk}/change/").content.decode()
    assert invoice.number in page and 'name="_save"' not in page
    assert (
        admin_client.post(f"/fr/admin/invoicing/invoice/{invoice.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Invoice.objects.filter(pk=invoice.pk).exists()


def test_the_customer_downloads_the_pdf_from_her_order_page(client):
    order = OrderFactory(status=OrderStatus.PAID)
    invoice = issue_invoice_for_order(order=order)
    token = order_access_token(order=order)
    page = client.get(reverse("storefront:order_status", args=[token])).content.decode()
    assert "Télécharger la facture (PDF)" in page
    response = client.get(reverse("storefront:order_status_invoice", args=[token]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    text = pdf_text(invoice_pdf(invoice=invoice))
    assert invoice.number in text and "100,90" in text and "732829320" in text


def test_an_unpaid_order_has_no_invoice_to_download(client):
    order = OrderFactory(status=OrderStatus.PLACED)
    token = order_access_token(order=order)
    assert client.get(reverse("storefront:order_status_invoice", args=[token])).status_code == 404


def test_a_refund_by_hand_moves_the_order_and_issues_the_credit_note(admin_client):
    order = OrderFactory(status=OrderStatus.RETURNED)
    invoice = issue_invoice_for_order(order=order)
    admin_client.post(
        "/fr/admin/orders/order/", {"action": "refunded_by_hand", "_selected_action": [order.pk]}
    )
    admin_client.post(
        "/fr/admin/orders/order/", {"action": "refunded_by_hand", "_selected_action": [order.pk]}
    )
    order.refresh_from_db()
    [credit_note] = invoice.credit_notes.all()
    assert order.status == OrderStatus.REFUNDED
    assert credit_note.number == f"A{credit_note.year}-000001"
    assert (credit_note.total_gross, credit_note.total_net) == (-invoice.total_gross, -invoice.total_net)
    assert sum(line.total_gross for line in credit_note.lines.all()) == -invoice.total_gross


def test_a_stripe_refund_issues_the_credit_note_too(admin_client, stripe_http):
    from tests.payments.stripe_helpers import recording

    order = OrderFactory(status=OrderStatus.PAID, payment_method="stripe")
    invoice = issue_invoice_for_order(order=order)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.RETURNED)
    PaymentFactory(order=order, status=PaymentStatus.PAID, provider_reference="pi_3PqRsTuVwXyZ0001")
    stripe_http.responses.append((200, recording("refund_created")))

    admin_client.post(
        "/fr/admin/orders/order/", {"action": "refund_through_provider", "_selected_action": [order.pk]}
    )

    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    [credit_note] = invoice.credit_notes.all()
    assert credit_note.total_gross == -invoice.total_gross
