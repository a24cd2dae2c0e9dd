"""Two clicks on « Expédier ce colis » for the same remainder at the same instant: it leaves once."""

from __future__ import annotations

import pytest

from comptoir.fulfillment.models import Shipment
from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import Invoice
from comptoir.orders.errors import OrderTransitionRefused, PartShipmentRefused
from comptoir.orders.models import OrderStatus
from comptoir.workflow.services.ship_and_invoice import ship_part_and_invoice
from tests.concurrency.helpers import run_at_once
from tests.factories.parcels import quantities, reseller_order_with_stock

pytestmark = pytest.mark.django_db(transaction=True)

CLICKS = 4


def test_simultaneous_clicks_ship_the_same_remainder_once(threads_database):
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")], on_hand=20)
    ship_part_and_invoice(
        order=order, quantities=quantities(order, 4, 0), tracking_number="6A000", actor=None
    )
    remainder = quantities(order, 2, 4)

    outcomes = run_at_once(
        lambda index: ship_part_and_invoice(
            order=order, quantities=remainder, tracking_number=f"6A00{index + 1}", actor=None
        ),
        threads=CLICKS,
    )

    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    assert len(errors) == CLICKS - 1
    assert all(isinstance(error, PartShipmentRefused | OrderTransitionRefused) for error in errors), errors
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    assert [line.quantity_shipped for line in order.lines.order_by("pk")] == [6, 4]
    records = [StockRecord.objects.get(variant_id=line.variant_id) for line in order.lines.order_by("pk")]
    assert [(record.on_hand, record.reserved) for record in records] == [(14, 0), (16, 0)]
    assert Shipment.objects.filter(order=order).count() == 2
    assert Invoice.objects.filter(order=order).count() == 2
    numbers = sorted(Invoice.objects.values_list("sequence_number", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + 2))  # no number lost to the refused clicks
