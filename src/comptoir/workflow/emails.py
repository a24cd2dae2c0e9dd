"""The order's emails that carry what only the apps above orders know, queued by the workflow's use cases.

« paid » (boutique) and « shipped » / « part_shipped » (a reseller's parcel) carry the invoice just
issued; the « confirmation » of an order paid by transfer carries the seller's bank account. Orders
renders them (``build_order_email``: its templates, its formatting); this job adds the invoice and the
account read from invoicing, so no app fills another's registry at start-up.
"""

from __future__ import annotations

from django.db import transaction

from comptoir.invoicing.attachments import invoice_for_email
from comptoir.invoicing.seller import bank_account
from comptoir.notifications.jobs import enqueue
from comptoir.orders.emails import SUBJECTS, build_order_email
from comptoir.orders.models import Order


def send_order_email(*, order_id: int, kind: str) -> None:
    order = Order.objects.prefetch_related("lines").get(pk=order_id)
    message = build_order_email(
        order=order, kind=kind, bank_account=bank_account(), attachments=invoice_for_email(order, kind)
    )
    message.send()


def queue_order_email(*, order_id: int, kind: str) -> None:
    """Send one of the order's emails in the background, with its invoice; call it after commit."""
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown order email: {kind!r}")
    enqueue(send_order_email, order_id=order_id, kind=kind)


def email_after_commit(*, order: Order, kind: str) -> None:
    """Queue the email once the transaction has committed (never on a rollback)."""
    order_id = order.pk
    transaction.on_commit(lambda: queue_order_email(order_id=order_id, kind=kind))
