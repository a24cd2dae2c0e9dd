"""An overdue reseller invoice gets a reminder the day after, then one every two weeks, never twice."""

import datetime as dt

import pytest
from django.core import mail

from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.invoicing.services.payment_reminders import send_payment_reminders
from comptoir.orders.models import Channel, OrderStatus
from comptoir.orders.selectors import order_history
from tests.factories.payments import OrderFactory
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped_on_terms(django_capture_on_commit_callbacks):
    company = CompanyFactory(shop_name="La Mercerie", payment_terms="net_30")
    order = OrderFactory(
        status=OrderStatus.SHIPPED,
        channel=Channel.RESELLER,
        company=company,
        email="achats@mercerie.example",
        payment_method="on_terms",
        payment_terms="net_30",
        purchase_order_reference="BC-117",
    )
    invoice = issue_invoice_for_order(order=order)
    order.refresh_from_db()
    assert order.payment_due_date == invoice.due_date  # the invoice's date binds, the order follows
    return order, invoice


def test_a_reminder_goes_the_day_after_the_due_date_then_every_two_weeks(
    shipped_on_terms, django_capture_on_commit_callbacks
):
    order, invoice = shipped_on_terms
    due = invoice.due_date
    assert send_payment_reminders(today=due) == []  # due today: not late yet
    with django_capture_on_commit_callbacks(execute=True):
        assert send_payment_reminders(today=due + dt.timedelta(days=1)) == [order.number]
        assert send_payment_reminders(today=due + dt.timedelta(days=2)) == []  # not again so soon
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["achats@mercerie.example"]
    assert message.subject == f"Facture {invoice.number} : échéance dépassée"
    assert "BC-117" in message.body and "IBAN" in message.body and "40 €" in message.body
    assert "Relance de paiement envoyée" in [entry.what for entry in order_history(order=order)]


def test_a_paid_order_is_never_reminded(shipped_on_terms):
    order, invoice = shipped_on_terms
    order.paid_at = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    order.save(update_fields=["paid_at"])
    assert send_payment_reminders(today=invoice.due_date + dt.timedelta(days=10)) == []
    assert mail.outbox == []
