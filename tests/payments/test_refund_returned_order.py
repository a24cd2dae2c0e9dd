"""An accepted return is refunded through Stripe's API from the order admin; a transfer by hand."""

from decimal import Decimal

import pytest

from comptoir.orders.models import OrderStatus
from comptoir.payments.models import PaymentStatus
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory, PaymentFactory
from tests.payments.stripe_helpers import recording

pytestmark = pytest.mark.django_db

CHANGELIST = "/fr/admin/orders/order/"


@pytest.fixture
def founder(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))


def refund(client, order):
    return client.post(
        CHANGELIST, {"action": "refund_through_provider", "_selected_action": [order.pk]}, follow=True
    )


def test_a_returned_stripe_order_is_refunded_in_full_by_the_api(client, founder, stripe_http):
    order = OrderFactory(status=OrderStatus.RETURNED, payment_method="stripe", total_gross=Decimal("30.00"))
    payment = PaymentFactory(order=order, status=PaymentStatus.PAID, provider_reference="pi_3PqRsTuVwXyZ0001")
    stripe_http.responses.append((200, recording("refund_created")))  # Stripe answers: 30,00 € refunded

    page = refund(client, order).content.decode()

    assert "1 commande remboursée." in page
    [request] = stripe_http.requests
    assert request["form"] == {"payment_intent": "pi_3PqRsTuVwXyZ0001", "amount": "3000"}
    payment.refresh_from_db()
    order.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("30.00"))
    assert order.status == OrderStatus.REFUNDED
    assert order.events.filter(to_status=OrderStatus.REFUNDED, data__refund_reference="re_3PqRsTuVwXyZ0001")


def test_an_order_paid_by_transfer_is_not_refunded_by_the_shop(client, founder, stripe_http):
    order = OrderFactory(status=OrderStatus.RETURNED)
    PaymentFactory(order=order, provider="bank_transfer", status=PaymentStatus.PAID)

    page = refund(client, order).content.decode()

    assert "payée par virement : remboursez-la depuis votre banque" in page
    order.refresh_from_db()
    assert order.status == OrderStatus.RETURNED
    assert stripe_http.requests == []


def test_an_order_still_with_its_customer_cannot_be_refunded_this_way(client, founder, stripe_http):
    order = OrderFactory(status=OrderStatus.SHIPPED, payment_method="stripe")
    PaymentFactory(order=order, status=PaymentStatus.PAID, provider_reference="pi_3PqRsTuVwXyZ0001")

    page = refund(client, order).content.decode()

    assert "ne peut pas passer à" in page
    assert stripe_http.requests == []
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED


def test_a_refund_stripe_refuses_leaves_the_order_returned_and_says_so(client, founder, stripe_http):
    order = OrderFactory(status=OrderStatus.RETURNED, payment_method="stripe")
    payment = PaymentFactory(order=order, status=PaymentStatus.PAID, provider_reference="pi_3PqRsTuVwXyZ0001")
    refusal = {"error": {"message": "Charge has been disputed.", "type": "invalid_request_error"}}
    stripe_http.responses.append((400, refusal))

    page = refund(client, order).content.decode()

    assert "n&#x27;a pas pu rembourser la commande" in page or "n'a pas pu rembourser la commande" in page
    order.refresh_from_db()
    payment.refresh_from_db()
    assert order.status == OrderStatus.RETURNED
    assert payment.refunded_amount == Decimal("0")
