"""Hold stock for a placed order: all the lines or none of them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from comptoir.catalog.models import Variant

from ..models import StockRecord
from ..shop_pages import retire_pages_if_availability_moved
from ..stock_lines import InsufficientStock, Shortage, StockLine, merged_lines


def reserve_stock(*, lines: Iterable[StockLine]) -> None:
    """Reserve every line, or raise one ``InsufficientStock`` listing every shortage and reserve nothing.

    Each line is one conditional ``UPDATE … WHERE on_hand - reserved >= n``: the database checks
    and changes the counter in one statement, so two buyers of the last piece cannot both get it
    (PostgreSQL re-evaluates the WHERE after waiting for the other's row lock; SQLite's IMMEDIATE
    transactions let one writer in at a time). Lines go in variant-id order so that concurrent
    orders lock rows in the same order and never deadlock.

    Call it inside the caller's transaction (placing an order): the savepoint below undoes the lines
    already reserved when a later one fails, and the caller's rollback undoes everything if it fails
    after us.
    """
    shortages: list[tuple[StockLine, int]] = []
    merged = merged_lines(lines)
    with transaction.atomic():
        for line in merged:
            updated = StockRecord.objects.filter(
                variant_id=line.variant_id, on_hand__gte=F("reserved") + line.quantity
            ).update(reserved=F("reserved") + line.quantity)
            if updated == 0:
                shortages.append((line, _available_now(line.variant_id)))
        if shortages:
            # Raised inside the savepoint: the lines reserved above are rolled back with it.
            raise InsufficientStock(_shortages_with_labels(shortages))
        retire_pages_if_availability_moved(lines=merged, available_change_sign=-1)


def _available_now(variant_id: int) -> int:
    record = StockRecord.objects.filter(variant_id=variant_id).only("on_hand", "reserved").first()
    return record.available if record is not None else 0


def _shortages_with_labels(shortages: list[tuple[StockLine, int]]) -> list[Shortage]:
    variants = Variant.objects.select_related("product", "size", "colour", "fit").in_bulk(
        [line.variant_id for line, _available in shortages]
    )
    return [
        Shortage(
            variant_id=line.variant_id,
            label=_label(variants.get(line.variant_id)),
            requested=line.quantity,
            available=available,
        )
        for line, available in shortages
    ]


def _label(variant: Variant | None) -> str:
    if variant is None:
        return "?"
    options = variant.options_label
    return f"{variant.product.name} ({options})" if options else str(variant.product.name)
