"""Every change of a shelf count is written down with why and who: by hand, shipped, returned."""

import pytest

from comptoir.inventory.models import MovementReason, StockMovement, StockRecord
from comptoir.inventory.services.adjust_stock import StockAdjustRefused, adjust_stock
from comptoir.orders.models import OrderStatus
from comptoir.orders.services.accept_return import accept_return
from comptoir.orders.services.ship_order import ship_order
from tests.factories import UserFactory, VariantFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db


def test_a_count_by_hand_sets_the_shelf_and_records_the_difference_with_who():
    owner = UserFactory(is_superuser=True, is_staff=True)
    variant = VariantFactory(on_hand=5)
    adjust_stock(
        variant_id=variant.pk,
        on_hand=8,
        reason=MovementReason.RECEIVED,
        actor=owner,
        note="Livraison atelier n° 12",
        location="B-04",
        low_stock_threshold=2,
    )
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.location, record.low_stock_threshold) == (8, "B-04", 2)
    movement = StockMovement.objects.get(variant=variant)
    assert (movement.change, movement.on_hand_after, movement.reason, movement.actor, movement.note) == (
        3,
        8,
        MovementReason.RECEIVED,
        owner,
        "Livraison atelier n° 12",
    )


def test_a_count_below_what_orders_hold_is_refused_and_changes_nothing():
    order = order_with_stock(status=OrderStatus.PAID, quantity=3)
    variant = order.lines.get().variant
    with pytest.raises(StockAdjustRefused, match="3 pièces sont réservées"):
        adjust_stock(variant_id=variant.pk, on_hand=2, reason=MovementReason.COUNT, actor=None)
    assert StockRecord.objects.get(variant=variant).on_hand == 10
    assert not StockMovement.objects.exists()


def test_a_count_that_changes_nothing_writes_no_line():
    variant = VariantFactory(on_hand=4)
    adjust_stock(variant_id=variant.pk, on_hand=4, reason=MovementReason.COUNT, actor=None, location="A-1")
    assert StockRecord.objects.get(variant=variant).location == "A-1"
    assert not StockMovement.objects.exists()


def test_shipping_and_returning_an_order_are_in_the_history_with_its_number():
    packer = UserFactory(is_staff=True)
    order = order_with_stock(status=OrderStatus.PACKED, quantity=2)
    variant = order.lines.get().variant
    ship_order(order=order, actor=packer, tracking_number="6A123")
    accept_return(order=order, actor=packer)
    history = list(StockMovement.objects.filter(variant=variant).order_by("id"))
    assert [(line.reason, line.change, line.on_hand_after, line.reference) for line in history] == [
        (MovementReason.SHIPPED, -2, 8, order.number),
        (MovementReason.RETURNED, 2, 10, order.number),
    ]
    assert {line.actor for line in history} == {packer}
