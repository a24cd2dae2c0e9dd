"""Emails about an order, sent in the customer's language through the background job path.

Order services call ``queue_order_email(order_id=..., kind=...)`` inside ``transaction.on_commit``;
the job (``send_order_email``) reads the order afresh, renders a text and an HTML part from
``orders/emails/<kind>.txt`` and ``.html`` and hands them to Django's mail backend. Amounts and dates
are formatted here, in the order's language, so templates only place them.

The emails that carry what only the apps above know (the invoice of « paid », « shipped » and
« part_shipped »; the seller's bank account in a transfer's « confirmation ») are queued by the order
workflow (``comptoir.workflow.emails``), which renders them with ``build_order_email`` and hands it
the invoice and the account: orders never imports invoicing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from comptoir.core.addresses import PostalAddress
from comptoir.core.money import Money, format_money
from comptoir.notifications.jobs import enqueue
from comptoir.shop.profile import current_profile

from .access import order_access_url
from .models import Order, PaymentMethod

BANK_TRANSFER = PaymentMethod.BANK_TRANSFER

# A file attached to an order's email (the workflow attaches the invoice): (filename, content, MIME type).
EmailAttachment = tuple[str, bytes, str]
# The shop's bank account as (holder, IBAN, BIC).
BankAccount = tuple[str, str, str]


def _default_bank_account() -> BankAccount:
    return settings.COMPTOIR_BANK_HOLDER, settings.COMPTOIR_BANK_IBAN, settings.COMPTOIR_BANK_BIC


def _subject_confirmation(order: Order) -> str:
    return gettext("Votre commande %(number)s est enregistrée") % {"number": order.number}


def _subject_paid(order: Order) -> str:
    return gettext("Paiement reçu pour votre commande %(number)s") % {"number": order.number}


def _subject_cancelled(order: Order) -> str:
    return gettext("Votre commande %(number)s est annulée") % {"number": order.number}


def _subject_withdrawal(order: Order) -> str:
    return gettext("Accusé de réception de votre rétractation, commande %(number)s") % {
        "number": order.number
    }


def _subject_payment_failed(order: Order) -> str:
    return gettext("Le paiement de votre commande %(number)s n'a pas abouti") % {"number": order.number}


def _subject_shipped(order: Order) -> str:
    return gettext("Votre commande %(number)s est en route") % {"number": order.number}


# Where the customer follows her parcel, by carrier (the number is added at the end).
TRACKING_URLS = {
    "colissimo": "https://www.laposte.fr/outils/suivre-vos-envois?code=",
    "mondial_relay": "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=",
}


def tracking_url(order: Order) -> str:
    base = TRACKING_URLS.get(order.shipping_carrier, "")
    return base + order.tracking_number if base and order.tracking_number else ""


def _subject_part_shipped(order: Order) -> str:
    return gettext("Un colis de votre commande %(number)s est en route") % {"number": order.number}


def _subject_backorder_cancelled(order: Order) -> str:
    return gettext("Commande %(number)s : le reliquat est annulé") % {"number": order.number}


def _subject_delivered(order: Order) -> str:
    return gettext("Votre commande %(number)s est arrivée") % {"number": order.number}


SUBJECTS = {
    "confirmation": _subject_confirmation,
    "delivered": _subject_delivered,
    "shipped": _subject_shipped,
    "part_shipped": _subject_part_shipped,
    "backorder_cancelled": _subject_backorder_cancelled,
    "paid": _subject_paid,
    "payment_failed": _subject_payment_failed,
    "cancelled": _subject_cancelled,
    "withdrawal_acknowledged": _subject_withdrawal,
}
KINDS = tuple(SUBJECTS)


@dataclass(frozen=True, slots=True)
class EmailLine:
    product_name: str
    options_label: str
    sku: str
    quantity: int
    unit_price: str
    total: str


@dataclass(frozen=True, slots=True)
class BankDetails:
    holder: str
    iban: str
    bic: str
    reference: str
    amount: str


@dataclass(frozen=True, slots=True)
class OrderEmail:
    """Everything a template shows, already formatted in the customer's language."""

    kind: str
    subject: str
    shop_name: str
    language: str
    order_number: str
    placed_at: str
    lines: list[EmailLine]
    subtotal: str
    discount_code: str
    discount: str
    shipping: str
    shipping_method: str
    total: str
    vat: str
    prices_include_tax: bool
    shipping_address: list[str]
    access_url: str
    is_guest: bool
    payment_method: str
    bank: BankDetails | None = None
    withdrawal_received_at: str = ""
    tracking_number: str = ""
    tracking_url: str = ""
    # A reseller's order: its own PO reference, its terms and when it is due.
    purchase_order_reference: str = ""
    payment_terms: str = ""
    payment_due_date: str = ""
    # An order shipped in parts: what still waits, « 3 × REF (name) ».
    waiting_lines: tuple[str, ...] = ()
    # A card payment that failed may be tried again for this many minutes (workflow's pay_again).
    pay_again_minutes: int = 0


def queue_order_email(*, order_id: int, kind: str) -> None:
    """Send one of the order's emails in the background; call it after commit."""
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown order email: {kind!r}")
    enqueue(send_order_email, order_id=order_id, kind=kind)


def send_order_email(*, order_id: int, kind: str) -> None:
    order = Order.objects.prefetch_related("lines").get(pk=order_id)
    message = build_order_email(order=order, kind=kind)
    message.send()


def build_order_email(
    *,
    order: Order,
    kind: str,
    bank_account: BankAccount | None = None,
    attachments: Sequence[EmailAttachment] = (),
) -> EmailMultiAlternatives:
    """The message, ready to send; ``bank_account`` defaults to the COMPTOIR_BANK_* settings."""
    language = order.language or settings.LANGUAGE_CODE
    with translation.override(language):
        email = _email_context(
            order=order, kind=kind, language=language, bank_account=bank_account or _default_bank_account()
        )
        context = {"email": email}
        text = render_to_string(f"orders/emails/{kind}.txt", context)
        html = render_to_string(f"orders/emails/{kind}.html", context)
    message = EmailMultiAlternatives(
        from_email=current_profile().from_email, subject=email.subject, body=text, to=[order.email]
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def _money(amount: Decimal, currency: str, language: str) -> str:
    with translation.override(language):
        return format_money(Money(amount, currency))


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _email_context(*, order: Order, kind: str, language: str, bank_account: BankAccount) -> OrderEmail:
    def money(amount: Decimal) -> str:
        return _money(amount, order.currency, language)

    lines = [
        EmailLine(
            product_name=line.product_name,
            options_label=line.options_label,
            sku=line.sku,
            quantity=line.quantity,
            unit_price=money(line.unit_gross if order.prices_include_tax else line.unit_net),
            total=money(line.total_gross if order.prices_include_tax else line.total_net),
        )
        for line in order.lines.all()
    ]
    bank = None
    if kind == "confirmation" and order.payment_method == BANK_TRANSFER:
        holder, iban, bic = bank_account
        bank = BankDetails(
            holder=holder,
            iban=iban,
            bic=bic,
            reference=order.number,
            amount=money(order.total_gross),
        )
    return OrderEmail(
        kind=kind,
        subject=SUBJECTS[kind](order),
        shop_name=current_profile().shop_name,
        language=language,
        order_number=order.number,
        placed_at=_when(order.created_at),
        lines=lines,
        subtotal=money(order.subtotal_gross if order.prices_include_tax else order.subtotal_net),
        discount_code=order.discount_code if order.discount_gross else "",
        discount=money(order.discount_gross if order.prices_include_tax else order.discount_net),
        shipping=money(order.shipping_gross if order.prices_include_tax else order.shipping_net),
        shipping_method=order.shipping_method_name,
        total=money(order.total_gross),
        vat=money(order.total_gross - order.total_net),
        prices_include_tax=order.prices_include_tax,
        shipping_address=PostalAddress.from_dict(order.shipping_address).as_lines(),
        access_url=order_access_url(order=order),
        is_guest=order.customer_id is None,
        payment_method=order.payment_method,
        bank=bank,
        withdrawal_received_at=_when(order.withdrawal_requested_at),
        tracking_number=order.tracking_number,
        tracking_url=tracking_url(order),
        purchase_order_reference=order.purchase_order_reference,
        payment_terms=order.payment_terms_label,
        payment_due_date=formats.date_format(order.payment_due_date, "DATE_FORMAT")
        if order.payment_due_date
        else "",
        waiting_lines=tuple(
            f"{line.quantity_backordered} × {line.sku} ({line.product_name})"
            for line in order.lines.all()
            if line.quantity_backordered
        )
        if kind == "part_shipped"
        else (),
        pay_again_minutes=settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES,
    )
