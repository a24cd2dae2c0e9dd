"""Orders whose stock agrees with their status, for tests of the lifecycle.

``order_with_stock(status=…)`` places an order on a real variant (reserving its stock the way
checkout does) and then puts the stock where that status leaves it: held while the order waits to
ship, gone once shipped, back on sale once cancelled, returned or refunded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from comptoir.catalog.models import Variant
from comptoir.inventory.models import StockRecord
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import StockLine
from comptoir.orders.models import Order, OrderLine, OrderStatus

from . import VariantFactory
from .payments import OrderFactory

HOLDS_RESERVATION = {OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.PAID, OrderStatus.PACKED}
HAS_LEFT_THE_SHELF = {OrderStatus.SHIPPED, OrderStatus.DELIVERED}


def expected_counters(*, status: str, on_hand: int, quantity: int) -> tuple[int, int]:
    """(on_hand, reserved) of a variant that started with ``on_hand`` pieces, for one order in ``status``."""
    if status in HOLDS_RESERVATION:
        return on_hand, quantity
    if status in HAS_LEFT_THE_SHELF:
        return on_hand - quantity, 0
    return on_hand, 0  # cancelled, returned (restocked) or refunded


def order_with_stock(
    *, status: str = OrderStatus.PLACED, variant: Variant | None = None, quantity: int = 2, **fields: Any
) -> Order:
    variant = variant or VariantFactory(on_hand=10)
    order = OrderFactory(status=status, with_line=False, **fields)
    OrderLine.objects.create(
        order=order,
        variant=variant,
        product_name=str(variant.product.name),
        options_label=variant.options_label,
        sku=variant.sku,
        quantity=quantity,
        unit_gross=Decimal("95.00"),
        unit_net=Decimal("79.17"),
        vat_rate=Decimal("0.2000"),
        total_gross=Decimal("95.00") * quantity,
        total_net=Decimal("79.17") * quantity,
    )
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=quantity)])
    record = StockRecord.objects.get(variant=variant)
    on_hand, reserved = expected_counters(status=status, on_hand=record.on_hand, quantity=quantity)
    StockRecord.objects.filter(pk=record.pk).update(
        on_hand=on_hand, reserved=record.reserved - quantity + reserved
    )
    return order
