"""A reseller's order on payment terms (confirmed, not paid) is ready to pack: the « à préparer » list,
the batch and its own packing screen agree, and an order still waiting for its prepayment is none of it."""

from __future__ import annotations

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.resellers.models import PaymentTerms
from tests.backoffice.conftest import packer_user
from tests.factories.parcels import reseller_order_with_stock

pytestmark = pytest.mark.django_db


def packing_url(order) -> str:
    return f"/fr/atelier/colis/{order.pk}/"


@pytest.fixture
def packer(client):
    user = packer_user()
    client.force_login(user)
    return user


def test_an_order_on_terms_is_listed_and_packed_by_the_batch(client, packer):
    on_terms = reseller_order_with_stock(lines=[(2, "40.00")])
    prepaid_waiting = reseller_order_with_stock(
        lines=[(1, "40.00")], status=OrderStatus.PLACED, terms=PaymentTerms.PREPAYMENT
    )

    listed = client.get("/fr/atelier/a-preparer/").content.decode()
    assert on_terms.number in listed
    assert prepaid_waiting.number not in listed

    client.post("/fr/atelier/a-preparer/", {"order": [on_terms.pk, prepaid_waiting.pk]})

    on_terms.refresh_from_db()
    prepaid_waiting.refresh_from_db()
    assert on_terms.status == OrderStatus.PACKED
    assert on_terms.paid_at is None  # packed on terms: the money comes later
    assert OrderEvent.objects.filter(
        order=on_terms, from_status=OrderStatus.CONFIRMED, to_status=OrderStatus.PACKED, actor=packer
    ).exists()
    assert prepaid_waiting.status == OrderStatus.PLACED


def test_an_order_on_terms_is_packed_from_its_own_screen_after_every_piece_is_scanned(client, packer):
    order = reseller_order_with_stock(lines=[(2, "40.00")])
    line = order.lines.get()
    reserved_before = StockRecord.objects.get(variant=line.variant).reserved

    page = client.get(packing_url(order)).content.decode()
    assert "Marquer emballée" in page
    client.post(packing_url(order), {"code": line.variant.ean13})
    client.post(packing_url(order), {"code": line.variant.ean13})
    response = client.post(packing_url(order), {"pack": "1"})

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PACKED
    assert OrderEvent.objects.get(order=order, to_status=OrderStatus.PACKED).actor_label == "staff"
    assert StockRecord.objects.get(variant=line.variant).reserved == reserved_before  # still held for it


def test_an_order_waiting_for_its_prepayment_has_no_pack_button_and_cannot_be_packed(client, packer):
    order = reseller_order_with_stock(
        lines=[(1, "40.00")], status=OrderStatus.PLACED, terms=PaymentTerms.PREPAYMENT
    )

    page = client.get(packing_url(order)).content.decode()
    assert "Marquer emballée" not in page
    refused = client.post(packing_url(order), {"pack": "1", "override": "1"})

    assert refused.status_code == 422
    assert f"La commande {order.number} n&#x27;est pas à préparer." in refused.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert not OrderEvent.objects.filter(order=order, to_status=OrderStatus.PACKED).exists()
