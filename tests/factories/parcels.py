"""A reseller's order with real stock behind it, ready to leave in parts."""

from __future__ import annotations

from typing import Any

from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import StockLine
from comptoir.orders.models import Order, OrderStatus
from comptoir.resellers.models import PaymentTerms
from tests.factories import VariantFactory
from tests.invoicing.company_orders import company_order


def reseller_order_with_stock(
    *,
    lines: list[tuple[int, str]] | None = None,
    on_hand: int = 20,
    status: str = OrderStatus.CONFIRMED,
    terms: str = PaymentTerms.NET_30,
    holds_stock: bool = True,
    **fields: Any,
) -> Order:
    """``lines`` are (quantity, unit price HT); each line gets its own variant with ``on_hand`` pieces,
    the order's pieces reserved as the reseller checkout leaves them (none for a pre-order)."""
    order = company_order(
        lines=lines or [(6, "40.00"), (4, "52.50")],
        status=status,
        terms=terms,
        holds_stock=holds_stock,
        **fields,
    )
    for line in order.lines.order_by("pk"):
        variant = VariantFactory(on_hand=on_hand)
        line.variant = variant
        line.sku = variant.sku
        line.save(update_fields=["variant", "sku"])
        if holds_stock:
            reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=line.quantity)])
    return order


def quantities(order: Order, *counts: int) -> dict[int, int]:
    """Line id → pieces, in the order's line order."""
    return dict(zip(order.lines.order_by("pk").values_list("pk", flat=True), counts, strict=True))
