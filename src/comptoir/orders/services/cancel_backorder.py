"""The founder gives up on what a partly shipped order still waits for: its reservation is released."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.inventory.services.release_stock import release_stock
from comptoir.inventory.stock_lines import StockLine

from ..models import Order, OrderStatus
from .transition import email_after_commit, locked_order, move_order, refuse_unless_allowed


def cancel_backorder(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> Order:
    """partly shipped → shipped: the waiting pieces are cancelled and go back on sale.

    The order keeps its frozen lines; each line records what was cancelled (``quantity_cancelled``),
    so its invoices (one per parcel) add up to what left. A repeat finds nothing waiting.
    """
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.SHIPPED:
            return order
        refuse_unless_allowed(order=order, to_status=OrderStatus.SHIPPED)
        waiting = [line for line in order.lines.order_by("pk") if line.quantity_backordered]
        released = {line.sku: line.quantity_backordered for line in waiting}
        stock = [
            StockLine(variant_id=line.variant_id, quantity=line.quantity_backordered)
            for line in waiting
            if line.variant_id is not None
        ]
        for line in waiting:
            line.quantity_cancelled += line.quantity_backordered
            line.save(update_fields=["quantity_cancelled"])
        move_order(
            order=order,
            to_status=OrderStatus.SHIPPED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"shipped_at": now or timezone.now()},
            data={"backorder_cancelled": released, **({"reason": reason} if reason else {})},
        )
        if stock and order.holds_stock:  # a pre-order's remainder never held any
            release_stock(lines=stock)
        email_after_commit(order=order, kind="backorder_cancelled")
    return order
