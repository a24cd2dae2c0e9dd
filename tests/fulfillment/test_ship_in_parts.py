"""A reseller's order leaves in parts: stock, statuses, parcels and the remainder on backorder."""

from __future__ import annotations

import pytest

from comptoir.fulfillment.models import Shipment
from comptoir.fulfillment.services.ship_part import ship_part
from comptoir.inventory.models import MovementReason, StockMovement, StockRecord
from comptoir.orders.errors import OrderTransitionRefused, PartShipmentRefused
from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.orders.services.cancel_backorder import cancel_backorder
from comptoir.orders.services.cancel_order import cancel_order
from comptoir.orders.services.ship_order import ship_order
from tests.factories import UserFactory
from tests.factories.orders import order_with_stock
from tests.factories.parcels import quantities, reseller_order_with_stock

pytestmark = pytest.mark.django_db


def shelf(order) -> list[tuple[int, int]]:
    """(on hand, reserved) of each line's variant, in line order."""
    return [
        (record.on_hand, record.reserved)
        for record in (
            StockRecord.objects.get(variant_id=line.variant_id) for line in order.lines.order_by("pk")
        )
    ]


def waiting(order) -> list[tuple[int, int, int]]:
    return [
        (line.quantity, line.quantity_shipped, line.quantity_backordered)
        for line in order.lines.order_by("pk")
    ]


def test_a_part_consumes_only_its_pieces_and_the_rest_stays_reserved():
    founder = UserFactory(is_staff=True)
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20)
    assert shelf(order) == [(20, 6), (20, 4)]

    shipment = ship_part(
        order=order, quantities=quantities(order, 4, 0), tracking_number=" 6A001 ", actor=founder
    )

    order.refresh_from_db()
    assert order.status == OrderStatus.PARTLY_SHIPPED
    assert order.get_status_display() == "Expédiée en partie, reliquat en attente"
    assert shelf(order) == [(16, 2), (20, 4)]  # 4 left the shelf; 2 + 4 still held for this order
    assert waiting(order) == [(6, 4, 2), (4, 0, 4)]
    assert (shipment.reference, shipment.tracking_number, shipment.shipped_by) == (
        f"{order.number}-1",
        "6A001",
        founder,
    )
    assert [(part.order_line.sku, part.quantity) for part in shipment.lines.all()] == [
        (order.lines.order_by("pk")[0].sku, 4)
    ]
    movement = StockMovement.objects.get(variant_id=order.lines.order_by("pk")[0].variant_id)
    assert (movement.change, movement.reason, movement.reference, movement.actor) == (
        -4,
        MovementReason.SHIPPED,
        order.number,
        founder,
    )
    event = OrderEvent.objects.get(order=order, to_status=OrderStatus.PARTLY_SHIPPED)
    assert event.data["tracking_number"] == "6A001" and event.actor == founder


def test_the_last_part_ships_the_order():
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20)
    ship_part(order=order, quantities=quantities(order, 4, 0), tracking_number="6A001", actor=None)
    ship_part(order=order, quantities=quantities(order, 1, 4), tracking_number="6A002", actor=None)
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTLY_SHIPPED  # one piece still waits
    ship_part(order=order, quantities=quantities(order, 1, 0), tracking_number="6A003", actor=None)

    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED and order.shipped_at is not None
    assert order.tracking_number == "6A003"
    assert shelf(order) == [(14, 0), (16, 0)]
    assert list(Shipment.objects.filter(order=order).values_list("position", flat=True)) == [1, 2, 3]


def test_everything_in_one_parcel_is_packed_then_shipped():
    order = reseller_order_with_stock(lines=[(2, "40.00")], on_hand=5)
    ship_part(order=order, quantities=quantities(order, 2), tracking_number="6A001", actor=None)
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED and order.packed_at is not None
    moves = list(OrderEvent.objects.filter(order=order).values_list("from_status", "to_status"))
    assert moves == [(OrderStatus.CONFIRMED, OrderStatus.PACKED), (OrderStatus.PACKED, OrderStatus.SHIPPED)]


def test_more_than_waits_is_refused_line_by_line_and_nothing_changes():
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20)
    ship_part(order=order, quantities=quantities(order, 5, 0), tracking_number="6A001", actor=None)

    with pytest.raises(PartShipmentRefused) as refused:
        ship_part(order=order, quantities=quantities(order, 2, 5), tracking_number="6A002", actor=None)

    skus = [line.sku for line in order.lines.order_by("pk")]
    assert refused.value.messages == [
        f"{skus[0]} : 2 demandée(s), 1 encore à expédier.",
        f"{skus[1]} : 5 demandée(s), 4 encore à expédier.",
    ]
    assert waiting(order) == [(6, 5, 1), (4, 0, 4)]
    assert shelf(order) == [(15, 1), (20, 4)]
    assert Shipment.objects.filter(order=order).count() == 1


def test_an_empty_parcel_or_no_tracking_number_is_refused():
    order = reseller_order_with_stock()
    with pytest.raises(PartShipmentRefused):
        ship_part(order=order, quantities=quantities(order, 0, 0), tracking_number="6A001", actor=None)
    with pytest.raises(PartShipmentRefused):
        ship_part(order=order, quantities=quantities(order, 1, 0), tracking_number="  ", actor=None)
    assert not Shipment.objects.exists()


def test_a_boutique_order_does_not_ship_in_parts():
    order = order_with_stock(status=OrderStatus.PAID)
    with pytest.raises(PartShipmentRefused):
        ship_part(order=order, quantities={order.lines.get().pk: 1}, tracking_number="6A001", actor=None)


def test_cancelling_the_backorder_releases_its_reservation():
    founder = UserFactory(is_staff=True)
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20)
    ship_part(order=order, quantities=quantities(order, 4, 1), tracking_number="6A001", actor=founder)

    cancel_backorder(order=order, actor=founder, actor_label="staff", reason="Rupture de tissu")

    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    assert shelf(order) == [(16, 0), (19, 0)]  # the 2 + 3 waiting pieces are on sale again
    assert [(line.quantity_shipped, line.quantity_cancelled) for line in order.lines.order_by("pk")] == [
        (4, 2),
        (1, 3),
    ]
    event = OrderEvent.objects.filter(order=order).latest("pk")
    assert event.data["reason"] == "Rupture de tissu" and event.actor == founder
    cancel_backorder(order=order, actor=founder, actor_label="staff")  # a second click changes nothing
    assert shelf(order) == [(16, 0), (19, 0)]


def test_an_order_with_pieces_gone_cannot_be_cancelled_whole_nor_shipped_whole():
    order = reseller_order_with_stock()
    ship_part(order=order, quantities=quantities(order, 1, 0), tracking_number="6A001", actor=None)
    with pytest.raises(OrderTransitionRefused):
        cancel_order(order=order, actor_label="staff")
    with pytest.raises(OrderTransitionRefused):
        ship_order(order=order, actor_label="staff")
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTLY_SHIPPED
    assert shelf(order) == [(19, 5), (20, 4)]


def test_a_backorder_cannot_be_cancelled_before_anything_left():
    order = reseller_order_with_stock()
    with pytest.raises(OrderTransitionRefused):
        cancel_backorder(order=order, actor_label="staff")
    assert shelf(order) == [(20, 6), (20, 4)]
