"""Ship a parcel and, for a reseller order, issue its invoice in the same transaction.

Fulfilment records the parcel (and moves the order through orders' services); invoicing issues the
invoice; neither knows the other. Every caller ships through these functions (the cockpit, the admin,
the demo), so a reseller's invoice exists if and only if its parcel left. The customer hears of it
by the order's "shipped" email once the transaction has committed, the invoice attached.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from comptoir.accounts.models import User
from comptoir.fulfillment.models import Shipment
from comptoir.fulfillment.services.ship_parcels import (
    ImportedShipment,
    import_coliship_export,
    ship_with_tracking,
)
from comptoir.fulfillment.services.ship_part import ship_part
from comptoir.invoicing.services.issue_invoice import invoice_on_shipment, issue_invoice_for_shipment
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.ship_order import ship_order
from comptoir.orders.services.transition import locked_order

from ..emails import email_after_commit


def ship_with_tracking_and_invoice(*, order: Order, tracking_number: str, actor: User | None) -> Order:
    """A packed parcel leaves with its tracking number typed or scanned."""
    with transaction.atomic():
        shipped = ship_with_tracking(order=order, tracking_number=tracking_number, actor=actor)
        invoice_on_shipment(order=shipped)
        email_after_commit(order=shipped, kind="shipped")
    return shipped


def import_coliship_export_and_invoice(*, content: bytes, actor: User | None) -> list[ImportedShipment]:
    """ColiShip's export: every packed order it lists leaves (all or none); a repeat ships nothing more."""
    with transaction.atomic():
        shipments = import_coliship_export(content=content, actor=actor)
        for shipment in shipments:
            invoice_on_shipment(order=Order.objects.get(pk=shipment.order.pk))
            email_after_commit(order=shipment.order, kind="shipped")
    return shipments


def ship_order_and_invoice(*, order: Order, actor: User | None = None, actor_label: str = "") -> Order:
    """The admin's « Marquer expédiées »: the same move, with the reseller's invoice; a repeat changes
    nothing and tells no one twice."""
    with transaction.atomic():
        already_shipped = locked_order(order=order).status == OrderStatus.SHIPPED
        shipped = ship_order(order=order, actor=actor, actor_label=actor_label)
        invoice_on_shipment(order=shipped)
        if not already_shipped:
            email_after_commit(order=shipped, kind="shipped")
    return shipped


def ship_part_and_invoice(
    *, order: Order, quantities: Mapping[int, int], tracking_number: str, actor: User | None
) -> Shipment:
    """One parcel of a reseller's order leaves with its own invoice (for exactly its pieces)."""
    with transaction.atomic():
        shipment = ship_part(order=order, quantities=quantities, tracking_number=tracking_number, actor=actor)
        issue_invoice_for_shipment(shipment=shipment)
        is_last = shipment.order.status == OrderStatus.SHIPPED
        email_after_commit(order=shipment.order, kind="shipped" if is_last else "part_shipped")
    return shipment
