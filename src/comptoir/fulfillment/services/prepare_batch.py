"""Prepare the day's parcels in one action: a batch of orders ready to pack (paid, or a reseller's
order on payment terms) moves to packed, papers ready."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from comptoir.accounts.models import User
from comptoir.orders.models import Order
from comptoir.orders.services.pack_order import pack_order
from comptoir.orders.state import READY_TO_PACK

from ..models import Batch


def orders_to_pack() -> list[Order]:
    return list(Order.objects.filter(status__in=READY_TO_PACK).order_by("created_at", "pk"))


def prepare_batch(*, order_ids: Iterable[int], actor: User | None) -> Batch:
    """Only orders ready to pack join the batch; each moves to packed through the order service (audited)."""
    with transaction.atomic():
        orders = list(Order.objects.filter(pk__in=list(order_ids), status__in=READY_TO_PACK).order_by("pk"))
        batch = Batch.objects.create(created_by=actor)
        batch.orders.set(orders)
        for order in orders:
            pack_order(order=order, actor=actor, actor_label="staff")
    return batch
