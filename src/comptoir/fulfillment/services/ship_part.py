"""A reseller's order leaves in parts: the parcel is recorded with its lines, tracking number, who and when.

The order's move (its counters, the stock, the status) is ``orders``' ``ship_order_part``, called
first: it takes the order's row lock, so the parcel's number below is read under that lock. Ship
through the workflow's ``ship_part_and_invoice``: it adds the parcel's invoice and tells the customer.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.orders.errors import PartShipmentRefused
from comptoir.orders.models import Order
from comptoir.orders.services.ship_order_part import ship_order_part

from ..models import Shipment, ShipmentLine


def ship_part(
    *, order: Order, quantities: Mapping[int, int], tracking_number: str, actor: User | None
) -> Shipment:
    """Ship ``quantities`` (order line id → pieces) as one parcel; raises ``PartShipmentRefused``."""
    tracking_number = tracking_number.strip()
    if not order.is_reseller:
        raise PartShipmentRefused([_("Seule une commande revendeur s'expédie en plusieurs colis.")])
    if not tracking_number:
        raise PartShipmentRefused([_("Saisissez ou scannez le numéro de suivi.")])
    now = timezone.now()
    with transaction.atomic():
        part = ship_order_part(
            order=order,
            quantities=quantities,
            tracking_number=tracking_number,
            actor=actor,
            actor_label="staff",
            now=now,
        )
        last = Shipment.objects.filter(order=part.order).aggregate(last=Max("position"))["last"] or 0
        shipment = Shipment.objects.create(
            order=part.order,
            position=last + 1,
            tracking_number=tracking_number,
            shipped_at=now,
            shipped_by=actor,
        )
        ShipmentLine.objects.bulk_create(
            ShipmentLine(shipment=shipment, order_line=shipped.line, quantity=shipped.quantity)
            for shipped in part.lines
        )
    return shipment
