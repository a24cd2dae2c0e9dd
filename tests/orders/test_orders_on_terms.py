"""A reseller's order on payment terms is packed and shipped first, and paid by its due date."""

import datetime as dt

import pytest

from comptoir.fulfillment.services.prepare_batch import orders_to_pack, prepare_batch
from comptoir.orders.models import Channel, OrderStatus
from comptoir.orders.selectors import order_history, overdue_reseller_orders
from comptoir.orders.services.mark_order_paid import mark_order_paid
from comptoir.orders.services.ship_order import ship_order
from tests.factories import UserFactory
from tests.factories.orders import order_with_stock
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db


def order_on_terms(**fields):
    return order_with_stock(
        status=OrderStatus.CONFIRMED,
        channel=Channel.RESELLER,
        company=CompanyFactory(payment_terms="net_30"),
        payment_method="on_terms",
        payment_terms="net_30",
        payment_due_date=dt.date.today() - dt.timedelta(days=1),
        **fields,
    )


def test_an_order_on_terms_is_packed_with_the_paid_orders_and_ships_unpaid():
    owner = UserFactory(is_staff=True, is_superuser=True)
    order = order_on_terms()
    unpaid_transfer = order_with_stock(status=OrderStatus.PLACED)
    assert order in orders_to_pack() and unpaid_transfer not in orders_to_pack()
    prepare_batch(order_ids=[order.pk, unpaid_transfer.pk], actor=owner)
    order.refresh_from_db()
    unpaid_transfer.refresh_from_db()
    assert (order.status, unpaid_transfer.status) == (OrderStatus.PACKED, OrderStatus.PLACED)
    ship_order(order=order, actor=owner, tracking_number="6A1")
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED and order.paid_at is None
    assert list(overdue_reseller_orders()) == [order]


def test_its_payment_is_recorded_where_it_stands_once(django_capture_on_commit_callbacks, mailoutbox):
    order = order_on_terms()
    with django_capture_on_commit_callbacks(execute=True):
        mark_order_paid(order=order, actor_label="bank", payment_reference="VIR-778")
        mark_order_paid(order=order, actor_label="bank", payment_reference="VIR-778")  # a second click
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED and order.paid_at is not None
    assert [entry.what for entry in order_history(order=order)].count("Paiement reçu (à échéance)") == 1
    assert list(overdue_reseller_orders()) == []
    assert mailoutbox == []  # the « paid » email is the boutique's: nothing to tell the shop here


def test_the_founder_records_a_terms_payment_from_the_orders_admin_once(client):
    from comptoir.payments.models import Payment

    order = order_on_terms()
    boutique = order_with_stock(status=OrderStatus.PAID)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for _attempt in range(2):
        client.post(
            "/fr/admin/orders/order/",
            {"action": "terms_payment_received", "_selected_action": [order.pk, boutique.pk]},
        )
    order.refresh_from_db()
    assert order.paid_at is not None and order.status == OrderStatus.CONFIRMED
    payment = Payment.objects.get(order=order)
    assert (payment.provider, payment.status, payment.amount) == ("bank_transfer", "paid", order.total_gross)
    assert not Payment.objects.filter(order=boutique).exists()  # not on terms: refused, named
