"""The packing screen of a reseller order: ship what is ready, per line; cancel the remainder."""

from __future__ import annotations

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import Invoice
from comptoir.orders.models import OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories.parcels import reseller_order_with_stock

pytestmark = pytest.mark.django_db


def url(order, action: str = "") -> str:
    return f"/fr/atelier/colis/{order.pk}/{action}"


def field(order, index: int) -> str:
    return f"ship-{order.lines.order_by('pk')[index].pk}"


@pytest.fixture
def order(client):
    client.force_login(packer_user())
    # A pre-order whose season arrived: its pieces come from today's shelf, where only 3 of the
    # second shirt are.
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20, holds_stock=False)
    StockRecord.objects.filter(variant_id=order.lines.order_by("pk")[1].variant_id).update(on_hand=3)
    return order


def test_the_form_shows_ordered_shipped_and_proposes_what_is_on_the_shelf(client, order):
    page = client.get(url(order)).content.decode()
    assert "Expédier un colis" in page and "À expédier maintenant" in page
    assert f'name="{field(order, 0)}" value="6"' in page
    assert f'name="{field(order, 1)}" value="3"' in page  # not 4: only 3 on the shelf
    # On terms it is ready to pack, as on the batch: packed whole, or sent in parts from here.
    assert "Marquer emballée" in page


def test_shipping_a_part_from_the_screen_then_cancelling_the_remainder(client, order):
    answer = client.post(
        url(order, "expedier-une-partie/"), {field(order, 0): "6", field(order, 1): "3", "tracking": "6A001"}
    )
    assert answer.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTLY_SHIPPED
    invoice = Invoice.objects.get(order=order)
    page = client.get(url(order)).content.decode()
    assert f"{order.number}-1" in page and "6A001" in page
    assert invoice.number not in page  # an invoice is money: the owner's, in the admin
    assert "Annuler le reliquat" in page
    slip = client.get(url(order, "envoi-1/bon-de-livraison.pdf"))
    assert slip.status_code == 200 and slip.content.startswith(b"%PDF")
    assert client.get(url(order, "envoi-2/bon-de-livraison.pdf")).status_code == 404
    carrier = client.get(url(order, "envoi-1/transporteur.csv")).content.decode("utf-8-sig").splitlines()
    assert carrier[1].split(";")[0] == f"{order.number}-1" and carrier[1].split(";")[-2] == "9"

    client.post(url(order, "annuler-le-reliquat/"), {"reason": "Pièce abîmée"})
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    second = StockRecord.objects.get(variant_id=order.lines.order_by("pk")[1].variant_id)
    assert (second.on_hand, second.reserved) == (0, 0)


def test_bad_quantities_show_the_form_again_and_ship_nothing(client, order):
    answer = client.post(
        url(order, "expedier-une-partie/"), {field(order, 0): "7", field(order, 1): "x", "tracking": ""}
    )
    assert answer.status_code == 422
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED
    assert not Invoice.objects.exists()
