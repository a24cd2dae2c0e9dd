"""Overdue reseller invoices: a courteous reminder the day after the due date, then every two weeks.

Each reminder is written in the order's history (an ``OrderEvent``), which is also how the next run
knows when the last one went: no table of its own, and a reminder is never sent twice the same day.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.core.money import Money, format_money
from comptoir.orders.models import Order, OrderEvent
from comptoir.orders.selectors import overdue_reseller_orders
from comptoir.orders.services.transition import record_event
from comptoir.shop.profile import current_profile

from ..models import Invoice
from ..selectors import invoices_of_order
from ..seller import bank_account, seller_identity

REMINDER = "payment_reminder"
EVERY = timedelta(days=14)


def send_payment_reminders(*, today: date | None = None) -> list[str]:
    """Remind every overdue reseller order not reminded in the last two weeks; returns their numbers."""
    today = today or timezone.localdate()
    reminded = []
    for order in overdue_reseller_orders(today=today):
        # The invoice that fell due first (an order shipped in parts has one per parcel).
        invoice = invoices_of_order(order=order).order_by("due_date", "year", "sequence_number").first()
        if invoice is None:
            continue  # nothing is due before the invoice
        last = OrderEvent.objects.filter(order=order, kind=REMINDER).order_by("-created_at", "-pk").first()
        if last is not None and date.fromisoformat(last.data["sent_on"]) > today - EVERY:
            continue
        _send(order=order, invoice=invoice, today=today)
        reminded.append(order.number)
    return reminded


def _send(*, order: Order, invoice: Invoice, today: date) -> None:
    holder, iban, bic = bank_account()
    with translation.override(order.language):
        context = {
            "order": order,
            "invoice": invoice,
            "amount": format_money(Money(invoice.total_gross, invoice.currency)),
            "days_late": (today - (invoice.due_date or order.payment_due_date or today)).days,
            "holder": holder,
            "iban": iban,
            "bic": bic,
            "seller": seller_identity(),
            "shop_name": current_profile().shop_name,
        }
        subject = _("Facture %(number)s : échéance dépassée") % {"number": invoice.number}
        message = EmailMultiAlternatives(
            from_email=current_profile().from_email,
            subject=subject,
            body=render_to_string("invoicing/emails/payment_reminder.txt", context),
            to=[order.email],
        )
    with transaction.atomic():
        record_event(
            order=order,
            kind=REMINDER,
            actor=None,
            actor_label="system",
            data={"invoice": invoice.number, "due_date": str(invoice.due_date), "sent_on": today.isoformat()},
        )
        transaction.on_commit(message.send)
