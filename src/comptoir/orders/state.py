"""The order's lifecycle in one table: which status may move to which, and nothing else."""

from __future__ import annotations

from .models import OrderStatus

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    OrderStatus.PLACED: frozenset({OrderStatus.PAID, OrderStatus.CANCELLED}),
    # On payment terms: packed and shipped before the money comes (``paid_at`` records it, any time).
    # A reseller's order may leave in parts (``ship_order_part``): straight from the packing screen.
    OrderStatus.CONFIRMED: frozenset({OrderStatus.PACKED, OrderStatus.PARTLY_SHIPPED, OrderStatus.CANCELLED}),
    OrderStatus.PAID: frozenset(
        {OrderStatus.PACKED, OrderStatus.PARTLY_SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED}
    ),
    OrderStatus.PACKED: frozenset(
        {OrderStatus.SHIPPED, OrderStatus.PARTLY_SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED}
    ),
    # The last part leaves, or the founder cancels the backorder: shipped (nothing more will leave).
    # Never cancelled as a whole: pieces already left.
    OrderStatus.PARTLY_SHIPPED: frozenset({OrderStatus.SHIPPED}),
    OrderStatus.SHIPPED: frozenset({OrderStatus.DELIVERED, OrderStatus.RETURNED}),
    OrderStatus.DELIVERED: frozenset({OrderStatus.RETURNED}),
    OrderStatus.RETURNED: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.CANCELLED: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.REFUNDED: frozenset(),
}


def can_move(*, from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, frozenset())
