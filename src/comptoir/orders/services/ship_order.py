"""The parcel leaves with the carrier: its pieces leave the stock for good."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.inventory.services.consume_stock import consume_stock
from comptoir.inventory.services.reserve_stock import reserve_stock

from ..models import Order, OrderLine, OrderStatus
from .transition import locked_order, move_order, refuse_unless_allowed, stock_lines_of


def ship_order(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    tracking_number: str = "",
    now: datetime | None = None,
) -> Order:
    """packed → shipped: consumes the reserved pieces (on hand and reserved both go down).

    Order row first, then stock rows in variant order: the same lock order as every other move.
    The "shipped" email carries a reseller's invoice: the workflow's ``ship_and_invoice`` sends it.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.SHIPPED:
            return order
        if order.status == OrderStatus.PARTLY_SHIPPED:
            # Its remainder leaves as one more part (``ship_order_part``), with its own invoice.
            refuse_unless_allowed(order=order, to_status=OrderStatus.PACKED)
        tracking_number = tracking_number.strip()
        move_order(
            order=order,
            to_status=OrderStatus.SHIPPED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"shipped_at": now or timezone.now()},
            extra_fields={"tracking_number": tracking_number},
            data={"carrier": order.shipping_carrier, "tracking_number": tracking_number},
        )
        lines = stock_lines_of(order=order)
        OrderLine.objects.filter(order=order).update(quantity_shipped=F("quantity"))
        if not order.holds_stock:
            # A pre-order leaves with pieces now in stock: held first (all or none, InsufficientStock
            # rolls the shipment back), then consumed like any order's.
            reserve_stock(lines=lines)
            Order.objects.filter(pk=order.pk).update(holds_stock=True)
        consume_stock(lines=lines, reference=order.number, actor=actor)
    return order
