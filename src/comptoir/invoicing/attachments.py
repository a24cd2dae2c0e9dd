"""The invoice travels with the email that follows its issue: « paid » for the boutique, « shipped »
for a reseller (invoiced when its parcel leaves; an order shipped in parts, per parcel). The order
workflow's emails (``comptoir.workflow.emails``) attach it."""

from __future__ import annotations

from comptoir.orders.emails import EmailAttachment
from comptoir.orders.models import Order

from .pdf import invoice_pdf
from .selectors import latest_invoice_of_order


def invoice_for_email(order: Order, kind: str) -> list[EmailAttachment]:
    wanted = ("shipped", "part_shipped") if order.is_reseller else ("paid",)
    if kind not in wanted:
        return []
    invoice = latest_invoice_of_order(order=order)  # a parcel's own invoice when shipped in parts
    if invoice is None:
        return []
    return [(f"{invoice.number}.pdf", invoice_pdf(invoice=invoice), "application/pdf")]
