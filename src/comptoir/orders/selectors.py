"""Reads of orders for the person who placed them: the account pages and the guest's signed link.

Every read is scoped (to the customer, or to the number a signed token carries) and fetches its
lines and events in fixed queries, whatever the number of orders.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comptoir.accounts.models import User

from .access import order_number_from_token
from .models import Channel, Order, OrderLine, OrderStatus
from .state import CALLED_OFF

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def orders_of(*, customer: User) -> QuerySet[Order]:
    """A customer's orders, newest first, each with its number of items (one query per page)."""
    return (
        Order.objects.filter(customer=customer)
        .annotate(item_count=Sum("lines__quantity"), line_count=Count("lines"))
        .order_by("-created_at", "-pk")
    )


def _with_details(orders: QuerySet[Order]) -> QuerySet[Order]:
    return orders.select_related("customer").prefetch_related("lines", "events")


def order_of(*, customer: User, number: str) -> Order | None:
    """The customer's order with this number, or None: another person's order does not exist here."""
    return _with_details(Order.objects.filter(customer=customer, number=number)).first()


def order_from_access_token(*, token: str) -> Order | None:
    """The order a signed link points to, or None for a tampered, expired or unknown token."""
    number = order_number_from_token(token=token)
    if number is None:
        return None
    return _with_details(Order.objects.filter(number=number)).first()


# What the customer reads for each move of the order, in plain words.
_STEP_LABELS: dict[str, StrOrPromise] = {
    OrderStatus.PLACED: _("Commande passée"),
    OrderStatus.PAID: _("Paiement reçu"),
    OrderStatus.PACKED: _("Colis préparé"),
    OrderStatus.PARTLY_SHIPPED: _("Premier colis remis au transporteur, le reste suivra"),
    OrderStatus.SHIPPED: _("Colis remis au transporteur"),
    OrderStatus.DELIVERED: _("Colis livré"),
    OrderStatus.CANCELLED: _("Commande annulée"),
    OrderStatus.RETURNED: _("Retour reçu"),
    OrderStatus.REFUNDED: _("Remboursement effectué"),
}
WITHDRAWAL_STEP_LABEL = _("Rétractation reçue")


@dataclass(frozen=True)
class OrderStep:
    label: StrOrPromise
    at: datetime
    details: list[str] = field(default_factory=list)


def _tracking_details(data: dict[str, Any]) -> list[str]:
    details = []
    carrier = str(data.get("carrier", "") or "")
    tracking = str(data.get("tracking_number", "") or "")
    if tracking:
        details.append(f"{carrier} {tracking}".strip())
    return details


def order_timeline(*, order: Order) -> list[OrderStep]:
    """The order's story for its customer: placed, paid, shipped… from the audit trail, oldest first.

    Uses the prefetched ``events``; internal notes and payment facts without a status move stay hidden.
    """
    steps = [OrderStep(label=_STEP_LABELS[OrderStatus.PLACED], at=order.created_at)]
    seen: set[str] = set()
    for event in order.events.all():
        if event.to_status and event.to_status in _STEP_LABELS and event.to_status not in seen:
            if event.to_status == OrderStatus.PLACED:
                continue
            seen.add(event.to_status)
            steps.append(
                OrderStep(
                    label=_STEP_LABELS[event.to_status],
                    at=event.created_at,
                    details=_tracking_details(event.data or {}),
                )
            )
    # Orders moved before the audit trail existed, or by hand in tests: their dates still tell the story.
    for status, moment in (
        (OrderStatus.PAID, order.paid_at),
        (OrderStatus.SHIPPED, order.shipped_at),
        (OrderStatus.DELIVERED, order.delivered_at),
        (OrderStatus.CANCELLED, order.cancelled_at),
    ):
        if moment is not None and status not in seen:
            steps.append(OrderStep(label=_STEP_LABELS[status], at=moment))
    if order.withdrawal_requested_at is not None:
        steps.append(OrderStep(label=WITHDRAWAL_STEP_LABEL, at=order.withdrawal_requested_at))
    return sorted(steps, key=lambda step: step.at)


def overdue_reseller_orders(*, today: date | None = None) -> QuerySet[Order]:
    """Reseller orders on terms whose due date has passed without payment, oldest due first."""
    return (
        Order.objects.filter(
            channel=Channel.RESELLER,
            payment_due_date__lt=today or timezone.localdate(),
            paid_at__isnull=True,
        )
        .exclude(status__in=CALLED_OFF)
        .select_related("company")
        .order_by("payment_due_date", "number")
    )


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: str
    who: str


_ACTOR_LABELS = {
    "customer": _("le client"),
    "system": _("automatique"),
    "stripe": "Stripe",
}
_EVENT_LABELS = {
    "placed": _("Commande passée"),
    "withdrawal_requested": _("Rétractation demandée"),
    "paid_on_terms": _("Paiement reçu (à échéance)"),
    "payment_reminder": _("Relance de paiement envoyée"),
    "refund_to_do": _("Remboursement à faire (virement)"),
    "partial_refund": _("Remboursement partiel"),
    "late_payment_refunded": _("Paiement arrivé après l'annulation : remboursé"),
}


def order_history(*, order: Order) -> list[HistoryEntry]:
    """Everything done to an order, for the cockpit: each move with who (a person, or the system)."""
    statuses = dict(OrderStatus.choices)
    entries = []
    for event in order.events.select_related("actor").order_by("created_at", "pk"):
        if event.to_status and event.kind != "placed":
            what = str(statuses.get(event.to_status, event.kind))
        else:
            what = str(_EVENT_LABELS.get(event.kind, event.kind))
        if event.actor is not None:
            who = event.actor.get_full_name() or event.actor.email
        else:
            who = str(_ACTOR_LABELS.get(event.actor_label, event.actor_label or _ACTOR_LABELS["system"]))
        entries.append(HistoryEntry(at=event.created_at, what=what, who=who))
    return entries


def orders_of_company(*, company_id: int) -> QuerySet[Order]:
    """A reseller company's orders, whoever of its buyers placed them, newest first."""
    return (
        Order.objects.filter(company_id=company_id)
        .annotate(item_count=Sum("lines__quantity"), line_count=Count("lines"))
        .order_by("-created_at", "-pk")
    )


def order_of_company(*, company_id: int, number: str) -> Order | None:
    """The company's order with this number, or None: another company's order does not exist here."""
    return _with_details(Order.objects.filter(company_id=company_id, number=number)).first()


def is_first_reseller_order(*, company_id: int) -> bool:
    """No order of the company counts yet (cancelled ones aside): the first-order minimum applies."""
    return (
        not Order.objects.filter(company_id=company_id, channel=Channel.RESELLER)
        .exclude(status=OrderStatus.CANCELLED)
        .exists()
    )


@dataclass(frozen=True, slots=True)
class PreorderedVariant:
    """What the workshop must make for one variant and one delivery window."""

    sku: str
    product_name: str
    options_label: str
    ships_from: date | None  # never None here: the query keeps pre-orders only
    ships_until: date | None
    quantity: int
    orders: int


def preordered_quantities() -> list[PreorderedVariant]:
    """Pieces pre-ordered by the shops per variant and delivery window (cancelled and refunded aside)."""
    rows = (
        OrderLine.objects.filter(order__preorder_ships_from__isnull=False)
        .exclude(order__status__in=CALLED_OFF)
        .values(
            "sku",
            "product_name",
            "options_label",
            "order__preorder_ships_from",
            "order__preorder_ships_until",
        )
        .annotate(pieces=Sum("quantity"), order_count=Count("order", distinct=True))
        .order_by("order__preorder_ships_from", "product_name", "sku")
    )
    return [
        PreorderedVariant(
            sku=row["sku"],
            product_name=row["product_name"],
            options_label=row["options_label"],
            ships_from=row["order__preorder_ships_from"],
            ships_until=row["order__preorder_ships_until"],
            quantity=row["pieces"],
            orders=row["order_count"],
        )
        for row in rows
    ]


def preordered_quantities_csv() -> bytes:
    """The same as a spreadsheet for the workshop: « ; » separated, UTF-8 with BOM (Excel reads it)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Référence"),
            _("Produit"),
            _("Variante"),
            _("Livraison à partir du"),
            _("Au plus tard le"),
            _("Pièces"),
            _("Commandes"),
        ]
    )
    for row in preordered_quantities():
        writer.writerow(
            [
                row.sku,
                row.product_name,
                row.options_label,
                row.ships_from.isoformat() if row.ships_from else "",
                row.ships_until.isoformat() if row.ships_until else "",
                row.quantity,
                row.orders,
            ]
        )
    return out.getvalue().encode("utf-8-sig")
