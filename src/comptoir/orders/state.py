"""The order's lifecycle in one table: which status may move to which.

Every status subset the project needs (ready to pack, shippable in parts, refundable…) is derived
from this table below, here and nowhere else: a new status or a new move changes them all at once.
"""

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


def _sources_of(to_status: str) -> frozenset[str]:
    """The statuses from which the table allows a move to ``to_status``."""
    return frozenset(status for status, moves in ALLOWED_TRANSITIONS.items() if to_status in moves)


def _reachable_from(status: str) -> frozenset[str]:
    """``status`` and every status a chain of allowed moves leads to from it."""
    seen, waiting = {status}, [status]
    while waiting:
        for following in ALLOWED_TRANSITIONS[waiting.pop()]:
            if following not in seen:
                seen.add(following)
                waiting.append(following)
    return frozenset(seen)


# The subsets, each defined once. Query with ``status__in=`` or test with the predicates below.
READY_TO_PAY = _sources_of(OrderStatus.PAID)  # placed, waiting for its money
# Paid, or a reseller's order on payment terms (confirmed): both are packed the same way.
READY_TO_PACK = _sources_of(OrderStatus.PACKED)
# A reseller's order may leave in parts from where it may start doing so, and keeps leaving after.
SHIPPABLE_IN_PARTS = _sources_of(OrderStatus.PARTLY_SHIPPED) | {OrderStatus.PARTLY_SHIPPED}
CANCELLABLE = _sources_of(OrderStatus.CANCELLED)  # nothing has left the workshop yet
# Waiting for its money or to be packed: the customer herself may still cancel it (within her window).
NOT_YET_PACKED = (READY_TO_PAY | READY_TO_PACK) & CANCELLABLE
REFUNDABLE = _sources_of(OrderStatus.REFUNDED)
# On the way to the customer: every status on a path of moves that ends delivered.
_ON_THE_WAY = frozenset(
    status for status in ALLOWED_TRANSITIONS if OrderStatus.DELIVERED in _reachable_from(status)
)
IN_PROGRESS = _ON_THE_WAY - {OrderStatus.DELIVERED}  # not delivered yet, nor stopped
CALLED_OFF = _reachable_from(OrderStatus.CANCELLED)  # cancelled, then perhaps refunded: owes nothing
SOLD = _ON_THE_WAY - READY_TO_PAY  # a sale: paid, or confirmed on terms, and not undone
# Where an order on terms may be when its money arrives (a boutique order is paid before packing).
ON_TERMS_PATH = _ON_THE_WAY & _reachable_from(OrderStatus.CONFIRMED)


def can_pay(status: str) -> bool:
    return status in READY_TO_PAY


def can_pack(status: str) -> bool:
    return status in READY_TO_PACK


def can_ship_in_parts(status: str) -> bool:
    return status in SHIPPABLE_IN_PARTS


def can_cancel_backorder(status: str) -> bool:
    """Pieces still wait only in an order shipped in part (``cancel_backorder``)."""
    return status == OrderStatus.PARTLY_SHIPPED


def can_cancel(status: str) -> bool:
    return status in CANCELLABLE


def can_cancel_before_packing(status: str) -> bool:
    return status in NOT_YET_PACKED


def can_refund(status: str) -> bool:
    return status in REFUNDABLE
