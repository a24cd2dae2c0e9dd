"""The batch's papers as PDF: the pick list and one packing slip per order (WeasyPrint)."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from comptoir.core.addresses import PostalAddress
from comptoir.orders.models import Order

from .models import Shipment
from .picking import pick_list


def return_address() -> str:
    """Where parcels come back: the shipper's address (``COMPTOIR_SHIPPER``), on one line."""
    shipper = settings.COMPTOIR_SHIPPER
    street = ", ".join(part for part in (shipper["line1"], shipper["line2"]) if part)
    return f"{street}, {shipper['postcode']} {shipper['city']}"


def _slip_context(slips: list[dict]) -> dict:
    return {"slips": slips, "shop_name": settings.SHOP_NAME, "return_address": return_address()}


def pick_list_pdf(*, orders: Sequence[Order]) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "fulfillment/pick_list.html",
            {"lines": pick_list(orders=orders), "orders": orders, "printed_at": timezone.localtime()},
        )
    return HTML(string=html).write_pdf()


def packing_slips_pdf(*, orders: Sequence[Order]) -> bytes:
    slips = []
    for order in orders:
        slips.append(
            {
                "order": order,
                "address": PostalAddress.from_dict(order.shipping_address or {}),
                "lines": list(order.lines.all()),
            }
        )
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("fulfillment/packing_slips.html", _slip_context(slips))
    return HTML(string=html).write_pdf()


def shipment_slip_pdf(*, shipment: Shipment) -> bytes:
    """One parcel's slip: what is in this box now, and what of the order still waits (backorder)."""
    order = shipment.order
    slip = {
        "order": order,
        "shipment": shipment,
        "address": PostalAddress.from_dict(order.shipping_address or {}),
        "lines": [
            {
                "product_name": part.order_line.product_name,
                "options_label": part.order_line.options_label,
                "sku": part.order_line.sku,
                "quantity": part.quantity,
            }
            for part in shipment.lines.select_related("order_line")
        ],
        "waiting": [line for line in order.lines.order_by("pk") if line.quantity_backordered],
    }
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("fulfillment/packing_slips.html", _slip_context([slip]))
    return HTML(string=html).write_pdf()
