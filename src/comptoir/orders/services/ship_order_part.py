"""Part of a reseller's order leaves: its pieces leave the stock, the rest stays reserved on backorder.

The order row is locked first and the lines' counters re-read under that lock, so two clicks on
« Expédier » for the same remainder queue: the second finds nothing left and is refused, whole.
A ``CheckConstraint`` on the lines (never more shipped than ordered) is the backstop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.inventory.services.consume_stock import consume_stock
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import StockLine

from ..errors import PartShipmentRefused
from ..models import Order, OrderLine, OrderStatus
from ..state import can_pack, can_ship_in_parts
from .transition import locked_order, move_order, record_event, refuse_unless_allowed


@dataclass(frozen=True, slots=True)
class ShippedLine:
    line: OrderLine
    quantity: int


@dataclass(frozen=True, slots=True)
class ShippedPart:
    order: Order
    lines: list[ShippedLine]
    is_last: bool


def ship_order_part(
    *,
    order: Order,
    quantities: Mapping[int, int],
    tracking_number: str,
    actor: User | None = None,
    actor_label: str = "",
    now: datetime | None = None,
) -> ShippedPart:
    """Ship ``quantities`` (order line id → pieces) now; the order becomes partly shipped, or shipped
    when nothing is left to wait for. Raises ``PartShipmentRefused`` listing every problem, changing nothing.
    The email (with the parcel's invoice) is the workflow's ``ship_part_and_invoice``.
    """
    now = now or timezone.now()
    tracking_number = tracking_number.strip()
    with transaction.atomic():
        order = locked_order(order=order)
        if not can_ship_in_parts(order.status):
            refuse_unless_allowed(order=order, to_status=OrderStatus.PARTLY_SHIPPED)
        problems = []
        lines = {line.pk: line for line in order.lines.order_by("pk")}
        wanted = {line_id: count for line_id, count in quantities.items() if count}
        for line_id, count in wanted.items():
            line = lines.get(line_id)
            if line is None or count < 0:
                problems.append(_("Une ligne demandée n'est pas dans cette commande."))
            elif count > line.quantity_backordered:
                problems.append(
                    _("%(sku)s : %(wanted)d demandée(s), %(left)d encore à expédier.")
                    % {"sku": line.sku, "wanted": count, "left": line.quantity_backordered}
                )
        if not wanted and not problems:
            problems.append(_("Indiquez au moins une pièce à expédier."))
        if problems:
            raise PartShipmentRefused(problems)
        shipped = [
            ShippedLine(line=lines[line_id], quantity=count) for line_id, count in sorted(wanted.items())
        ]
        for part in shipped:
            part.line.quantity_shipped += part.quantity
            part.line.save(update_fields=["quantity_shipped"])
        is_last = all(line.quantity_backordered == 0 for line in lines.values())
        data = {
            "carrier": order.shipping_carrier,
            "tracking_number": tracking_number,
            "lines": {part.line.sku: part.quantity for part in shipped},
        }
        if is_last and can_pack(order.status):
            # Everything leaves in this one parcel: it was packed on the table, then shipped.
            move_order(
                order=order,
                to_status=OrderStatus.PACKED,
                actor=actor,
                actor_label=actor_label,
                timestamps={"packed_at": now},
            )
        if is_last:
            move_order(
                order=order,
                to_status=OrderStatus.SHIPPED,
                actor=actor,
                actor_label=actor_label,
                timestamps={"shipped_at": now},
                extra_fields={"tracking_number": tracking_number},
                data=data,
            )
        elif order.status != OrderStatus.PARTLY_SHIPPED:
            move_order(
                order=order,
                to_status=OrderStatus.PARTLY_SHIPPED,
                actor=actor,
                actor_label=actor_label,
                timestamps={},
                extra_fields={"tracking_number": tracking_number},
                data=data,
            )
        else:
            Order.objects.filter(pk=order.pk).update(tracking_number=tracking_number, updated_at=now)
            order.tracking_number = tracking_number
            record_event(order=order, kind="part_shipped", actor=actor, actor_label=actor_label, data=data)
        stock = [
            StockLine(variant_id=part.line.variant_id, quantity=part.quantity)
            for part in shipped
            if part.line.variant_id is not None
        ]
        if stock:
            if not order.holds_stock:
                # A pre-order's part takes its pieces from today's stock (all or none), then ships them.
                reserve_stock(lines=stock)
            consume_stock(lines=stock, reference=order.number, actor=actor)
    return ShippedPart(order=order, lines=shipped, is_last=is_last)
