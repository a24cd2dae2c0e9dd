"""The pick list: every piece of the selected orders, summed per SKU, in the order of the shelves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from comptoir.orders.models import Order, OrderLine

from .barcodes import ean13_data_uri


@dataclass
class PickLine:
    sku: str
    ean13: str
    name: str
    options: str
    location: str
    quantity: int = 0
    orders: list[str] = field(default_factory=list)

    @property
    def barcode(self) -> str:
        """The EAN-13 as an image for the printed list (a scanner at the shelf reads it)."""
        return ean13_data_uri(self.ean13)


def pick_list(*, orders: Iterable[Order]) -> list[PickLine]:
    """Sorted by storage location (empty last), then SKU: one walk along the shelves."""
    order_ids = [order.pk for order in orders]
    lines = (
        OrderLine.objects.filter(order_id__in=order_ids)
        .select_related("order", "variant__stock")
        .order_by("order__number", "pk")
    )
    by_sku: dict[str, PickLine] = {}
    for line in lines:
        stock = getattr(line.variant, "stock", None) if line.variant_id else None
        pick = by_sku.setdefault(
            line.sku,
            PickLine(
                sku=line.sku,
                ean13=(line.variant.ean13 if line.variant_id and line.variant else "") or "",
                name=line.product_name,
                options=line.options_label,
                location=(stock.location if stock is not None else "") or "",
            ),
        )
        pick.quantity += line.quantity
        if line.order.number not in pick.orders:
            pick.orders.append(line.order.number)
    return sorted(by_sku.values(), key=lambda pick: (pick.location == "", pick.location, pick.sku))
