"""The parcel is ready on the table."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User

from ..models import Order, OrderStatus
from .transition import locked_order, move_order


def pack_order(
    *, order: Order, actor: User | None = None, actor_label: str = "", now: datetime | None = None
) -> Order:
    """paid, or confirmed on payment terms → packed. A repeat finds it packed and changes nothing."""
    with transaction.atomic():
        order = locked_order(order=order)
        if order.status == OrderStatus.PACKED:
            return order
        move_order(
            order=order,
            to_status=OrderStatus.PACKED,
            actor=actor,
            actor_label=actor_label,
            timestamps={"packed_at": now or timezone.now()},
        )
    return order
