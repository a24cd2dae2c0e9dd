"""Reads for the packing screen of an order that may leave in parts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from comptoir.orders.models import Order, OrderLine, OrderStatus


@dataclass(frozen=True)
class LineToShip:
    """One order line as the founder sees it before a parcel: ordered, already gone, what can go now."""

    line: OrderLine
    on_shelf: int  # the pieces she can put in the box today

    @property
    def ordered(self) -> int:
        return self.line.quantity

    @property
    def shipped(self) -> int:
        return self.line.quantity_shipped

    @property
    def cancelled(self) -> int:
        return self.line.quantity_cancelled

    @property
    def waiting(self) -> int:
        return self.line.quantity_backordered

    @property
    def suggested(self) -> int:
        """What the form proposes: every waiting piece that is on the shelf."""
        return max(0, min(self.waiting, self.on_shelf))


def lines_to_ship(*, order: Order) -> list[LineToShip]:
    """The order's lines with what is on the shelf for each.

    An order that holds its stock finds its reserved pieces among ``on_hand``; a pre-order (nothing
    held) may only take what nobody else reserved.
    """
    rows = []
    for line in order.lines.select_related("variant__stock").order_by("pk"):
        stock = getattr(line.variant, "stock", None) if line.variant_id else None
        if stock is None:
            on_shelf = 0
        elif order.holds_stock:
            on_shelf = stock.on_hand
        else:
            on_shelf = stock.available
        rows.append(LineToShip(line=line, on_shelf=on_shelf))
    return rows


def orders_with_backorder() -> QuerySet[Order]:
    """Reseller orders partly shipped: their remainder waits for stock or for the founder's decision."""
    return (
        Order.objects.filter(status=OrderStatus.PARTLY_SHIPPED)
        .select_related("company")
        .order_by("created_at")
    )
