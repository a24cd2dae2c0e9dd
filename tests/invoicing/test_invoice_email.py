"""The invoice travels with the email that follows it: « paid » (boutique), « shipped » (resellers)."""

from __future__ import annotations

import pytest
from django.core import mail

from comptoir.invoicing.models import Invoice
from comptoir.payments.models import PaymentStatus
from comptoir.resellers.models import TaxRegime
from comptoir.workflow.services.pay_order import mark_payment_paid
from comptoir.workflow.services.ship_and_invoice import ship_with_tracking_and_invoice
from tests.factories.payments import PaymentFactory
from tests.invoicing.company_orders import company_order

pytestmark = pytest.mark.django_db


def test_the_payment_email_carries_the_invoice(django_capture_on_commit_callbacks):
    payment = PaymentFactory(provider="bank_transfer", status=PaymentStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        mark_payment_paid(payment_id=payment.pk, actor_label="staff")
    invoice = Invoice.objects.get(order=payment.order)
    [message] = mail.outbox
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{invoice.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_the_reseller_gets_its_invoice_with_the_shipping_email(django_capture_on_commit_callbacks):
    order = company_order(regime=TaxRegime.DOMESTIC)
    with django_capture_on_commit_callbacks(execute=True):
        ship_with_tracking_and_invoice(order=order, tracking_number="6A11112222333", actor=None)
    invoice = Invoice.objects.get(order=order)
    [message] = mail.outbox
    assert [attachment[0] for attachment in message.attachments] == [f"{invoice.number}.pdf"]
