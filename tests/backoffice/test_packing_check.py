"""The packing check: each scanned piece ticks its line; wrong or extra items are flagged loudly."""

from __future__ import annotations

import pytest

from comptoir.orders.models import OrderEvent, OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory
from tests.factories.orders import order_with_stock
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(client):
    client.force_login(packer_user())
    return order_with_stock(status=OrderStatus.PAID, quantity=2)


def url(order) -> str:
    return f"/fr/atelier/colis/{order.pk}/"


def test_scanning_every_piece_ticks_the_line_and_lets_the_order_be_packed(client, order):
    ean = order.lines.get().variant.ean13
    client.post(url(order), {"code": ean})
    refused = client.post(url(order), {"pack": "1"})
    assert refused.status_code == 422 and "Il manque 1 pièce(s)" in refused.content.decode()
    client.post(url(order), {"code": ean})
    assert "2 / 2 ✓" in client.get(url(order)).content.decode()
    client.post(url(order), {"pack": "1"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PACKED


def test_a_wrong_item_and_an_extra_piece_are_flagged_and_not_counted(client, order):
    ean = order.lines.get().variant.ean13
    wrong = client.post(url(order), {"code": "4006381333931"})
    assert wrong.status_code == 422 and "n&#x27;est pas dans cette commande" in wrong.content.decode()
    client.post(url(order), {"code": ean})
    client.post(url(order), {"code": ean})
    extra = client.post(url(order), {"code": ean})
    assert extra.status_code == 422 and "Une pièce de trop" in extra.content.decode()
    assert "2 / 2" in client.get(url(order)).content.decode()


def test_the_founder_may_override_and_it_is_recorded(client, order):
    client.post(url(order), {"pack": "1", "override": "1"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PACKED
    assert (
        OrderEvent.objects.get(order=order, to_status=OrderStatus.PACKED).actor_label
        == "staff (contrôle forcé)"
    )


def test_the_packing_screen_shows_the_order_history_with_who(client):
    from comptoir.orders.services.pack_order import pack_order
    from comptoir.orders.services.transition import record_event

    owner = UserFactory(is_staff=True, is_superuser=True, first_name="Claire", last_name="Martin")
    order = OrderFactory(status=OrderStatus.PAID)
    record_event(order=order, kind="placed", actor=None, actor_label="customer")
    pack_order(order=order, actor=owner)
    client.force_login(owner)
    page = client.get(f"/fr/atelier/colis/{order.pk}/").content.decode()
    history = page.split("Historique de la commande", 1)[1]
    assert "Commande passée" in history and "le client" in history
    assert "Emballée" in history and "Claire Martin" in history
