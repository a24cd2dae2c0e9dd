"""Parcels leave: tracking numbers typed or scanned one by one, or imported from ColiShip's export.

The import checks every row first and writes nothing unless all are valid: the founder fixes the
file and imports it again, and no order is left half-shipped. Ship through the workflow
(``comptoir.workflow.services.ship_and_invoice``): it adds the reseller's invoice and tells the customer.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.services.ship_order import ship_order


class ShippingRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__(" ".join(messages))


def ship_with_tracking(*, order: Order, tracking_number: str, actor: User | None) -> Order:
    tracking_number = tracking_number.strip()
    if not tracking_number:
        raise ShippingRefused([_("Saisissez ou scannez le numéro de suivi.")])
    if order.status != OrderStatus.PACKED:
        raise ShippingRefused([_("La commande %(number)s n'est pas emballée.") % {"number": order.number}])
    return ship_order(order=order, actor=actor, actor_label="staff", tracking_number=tracking_number)


@dataclass(frozen=True)
class ImportedShipment:
    order: Order
    tracking_number: str


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1", errors="replace")


def import_coliship_export(*, content: bytes, actor: User | None) -> list[ImportedShipment]:
    """ColiShip's export: ``ReferenceExpedition`` is our order number, ``NumeroColis`` the tracking."""
    reader = csv.DictReader(io.StringIO(_decode(content)), delimiter=";")
    columns = set(reader.fieldnames or [])
    if not {"ReferenceExpedition", "NumeroColis"} <= columns:
        raise ShippingRefused(
            [
                _(
                    "Ce fichier n'est pas un export ColiShip : colonnes ReferenceExpedition "
                    "et NumeroColis attendues."
                )
            ]
        )
    rows = list(reader)
    numbers = [(row.get("ReferenceExpedition") or "").strip() for row in rows]
    orders = {order.number: order for order in Order.objects.filter(number__in=numbers)}
    errors: list[str] = []
    shipments: list[ImportedShipment] = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        number = (row.get("ReferenceExpedition") or "").strip()
        tracking = (row.get("NumeroColis") or "").strip()
        order = orders.get(number)
        if order is None:
            errors.append(
                _("Ligne %(line)d : la commande « %(number)s » n'existe pas.")
                % {"line": line, "number": number}
            )
        elif not tracking:
            errors.append(_("Ligne %(line)d : numéro de colis vide.") % {"line": line})
        elif order.status == OrderStatus.SHIPPED and order.tracking_number == tracking:
            continue  # already imported: importing the same file twice changes nothing
        elif order.status != OrderStatus.PACKED:
            errors.append(
                _("Ligne %(line)d : la commande %(number)s est « %(status)s », pas emballée.")
                % {"line": line, "number": number, "status": order.get_status_display()}
            )
        else:
            shipments.append(ImportedShipment(order=order, tracking_number=tracking))
    if errors:
        raise ShippingRefused(errors)
    with transaction.atomic():
        for shipment in shipments:
            ship_order(
                order=shipment.order,
                actor=actor,
                actor_label="coliship",
                tracking_number=shipment.tracking_number,
            )
    return shipments
