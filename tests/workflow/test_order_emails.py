"""The workflow tells the customer once the order moved, with the invoice attached when there is one;
a repeat (a replayed payment, a second click on « Marquer expédiées ») tells no one twice."""

from __future__ import annotations

import pytest

from comptoir.invoicing.models import Invoice
from comptoir.orders.models import OrderStatus
from comptoir.workflow.services.pay_order import pay_order
from comptoir.workflow.services.ship_and_invoice import ship_order_and_invoice, ship_part_and_invoice
from tests.factories.parcels import quantities, reseller_order_with_stock
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def test_a_paid_boutique_order_is_told_once_with_its_invoice(django_capture_on_commit_callbacks, mailoutbox):
    order = OrderFactory(status=OrderStatus.PLACED, number="ML-26-000321")

    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order=order, actor=None, actor_label="stripe", payment_reference="pi_1")
    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order=order, actor=None, actor_label="stripe", payment_reference="pi_1")

    invoice = Invoice.objects.get(order=order)
    assert [message.subject for message in mailoutbox] == ["Paiement reçu pour votre commande ML-26-000321"]
    assert [name for name, _content, _type in mailoutbox[0].attachments] == [f"{invoice.number}.pdf"]


def test_a_shipped_reseller_order_is_told_once_with_its_invoice(
    django_capture_on_commit_callbacks, mailoutbox
):
    order = reseller_order_with_stock(lines=[(2, "40.00")], status=OrderStatus.PACKED)

    with django_capture_on_commit_callbacks(execute=True):
        ship_order_and_invoice(order=order, actor_label="staff")
    with django_capture_on_commit_callbacks(execute=True):
        ship_order_and_invoice(order=order, actor_label="staff")

    invoice = Invoice.objects.get(order=order)
    assert [message.subject for message in mailoutbox] == [f"Votre commande {order.number} est en route"]
    assert [name for name, _content, _type in mailoutbox[0].attachments] == [f"{invoice.number}.pdf"]


def test_each_parcel_is_told_with_its_own_invoice(django_capture_on_commit_callbacks, mailoutbox):
    order = reseller_order_with_stock(lines=[(3, "33.33"), (5, "12.10")])

    with django_capture_on_commit_callbacks(execute=True):
        first = ship_part_and_invoice(
            order=order, quantities=quantities(order, 1, 2), tracking_number="6A001", actor=None
        ).invoice
    with django_capture_on_commit_callbacks(execute=True):
        second = ship_part_and_invoice(
            order=order, quantities=quantities(order, 2, 3), tracking_number="6A002", actor=None
        ).invoice

    assert [message.subject for message in mailoutbox] == [
        f"Un colis de votre commande {order.number} est en route",
        f"Votre commande {order.number} est en route",
    ]
    assert [[name for name, _c, _t in message.attachments] for message in mailoutbox] == [
        [f"{first.number}.pdf"],
        [f"{second.number}.pdf"],
    ]
