"""Prepare the day's parcels in one action: a batch of paid orders moves to packed, papers ready."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from comptoir.accounts.models import User
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.pack_order import pack_order

from ..models import Batch


def orders_to_pack() -> list[Order]:
    return list(Order.objects.filter(status=OrderStatus.PAID).order_by("paid_at", "pk"))


def prepare_batch(*, order_ids: Iterable[int], actor: User | None) -> Batch:
    """Only paid orders join the batch; each moves to packed through the order service (audited)."""
    with transaction.atomic():
        orders = list(Order.objects.filter(pk__in=list(order_ids), status=OrderStatus.PAID).order_by("pk"))
        batch = Batch.objects.create(created_by=actor)
        batch.orders.set(orders)
        for order in orders:
            pack_order(order=order, actor=actor, actor_label="staff")
    return batch
