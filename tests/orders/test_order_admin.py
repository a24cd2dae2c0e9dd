"""The founder reads orders in the admin and moves them only through actions (the services)."""

from __future__ import annotations

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import OrderEvent, OrderStatus
from tests.factories import UserFactory, VariantFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db

CHANGELIST = "/fr/admin/orders/order/"


@pytest.fixture
def founder(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_the_list_and_an_order_page_show_lines_and_events_read_only(client, founder):
    order = order_with_stock(status=OrderStatus.PAID, number="ML-26-000321")
    OrderEvent.objects.create(order=order, kind="status_changed", to_status="paid", actor_label="stripe")
    assert "ML-26-000321" in client.get(CHANGELIST).content.decode()

    response = client.get(f"{CHANGELIST}{order.pk}/change/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "stripe" in content
    assert 'name="status"' not in content  # no field to type a status into
    assert 'name="_save"' not in content


def test_posting_the_order_form_cannot_change_its_status(client, founder):
    order = order_with_stock(status=OrderStatus.PLACED)
    response = client.post(f"{CHANGELIST}{order.pk}/change/", {"status": OrderStatus.SHIPPED})
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


def test_the_ship_action_ships_packed_orders_and_explains_the_others(client, founder):
    variant = VariantFactory(on_hand=10)
    packed = order_with_stock(status=OrderStatus.PACKED, variant=variant, quantity=2)
    placed = order_with_stock(status=OrderStatus.PLACED, variant=variant, quantity=1, number="ML-26-000999")

    response = client.post(
        CHANGELIST, {"action": "ship", "_selected_action": [packed.pk, placed.pk]}, follow=True
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "La commande ML-26-000999 est « Passée, en attente de paiement » : "
        "elle ne peut pas passer à « Expédiée ».",
        "1 commande expédiée.",
    ]
    packed.refresh_from_db()
    placed.refresh_from_db()
    assert (packed.status, placed.status) == (OrderStatus.SHIPPED, OrderStatus.PLACED)
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (8, 1)
    event = OrderEvent.objects.get(order=packed)
    assert (event.actor, event.actor_label) == (founder, "staff")


def test_orders_cannot_be_added_or_deleted_by_hand(client, founder):
    order = order_with_stock()
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.post(f"{CHANGELIST}{order.pk}/delete/", {"post": "yes"}).status_code == 403
