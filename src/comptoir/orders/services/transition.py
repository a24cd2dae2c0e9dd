"""What every order move shares: the row lock, the table check, the audit event, the email after commit.

The named services (``mark_order_paid``, ``ship_order``…) call these inside their own
``transaction.atomic()``; nothing else in the project assigns ``Order.status``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.inventory.stock_lines import StockLine

from .. import emails
from ..errors import OrderTransitionRefused
from ..models import Order, OrderEvent, OrderStatus
from ..state import can_move


def locked_order(*, order: Order) -> Order:
    """The order row, read again under ``SELECT … FOR UPDATE`` (a no-op on SQLite, whose IMMEDIATE
    transactions already hold the database's write lock from BEGIN). Call inside ``atomic()``."""
    return Order.objects.select_for_update().get(pk=order.pk)


def check_actor(*, actor: User | None, actor_label: str) -> None:
    if actor is None and not actor_label:
        raise ValueError("An order move needs an actor (a user) or an actor_label such as 'system'.")


def refuse_unless_allowed(*, order: Order, to_status: str) -> None:
    if not can_move(from_status=order.status, to_status=to_status):
        raise OrderTransitionRefused(
            _("La commande %(number)s est « %(current)s » : elle ne peut pas passer à « %(wanted)s ».")
            % {
                "number": order.number,
                "current": OrderStatus(order.status).label,
                "wanted": OrderStatus(to_status).label,
            },
            order_number=order.number,
            from_status=order.status,
            to_status=to_status,
        )


def record_event(
    *,
    order: Order,
    kind: str,
    actor: User | None,
    actor_label: str,
    from_status: str = "",
    to_status: str = "",
    data: dict[str, Any] | None = None,
) -> OrderEvent:
    return OrderEvent.objects.create(
        order=order,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        actor_label=actor_label,
        data=data or {},
    )


def move_order(
    *,
    order: Order,
    to_status: str,
    actor: User | None,
    actor_label: str,
    timestamps: dict[str, datetime],
    data: dict[str, Any] | None = None,
    extra_fields: dict[str, Any] | None = None,
) -> Order:
    """Check the table, set the status and its dates, save only those fields, record the event.

    ``order`` must be the row read by ``locked_order`` in the current transaction.
    """
    check_actor(actor=actor, actor_label=actor_label)
    refuse_unless_allowed(order=order, to_status=to_status)
    from_status = order.status
    order.status = to_status
    changed = {**timestamps, **(extra_fields or {})}
    for name, value in changed.items():
        setattr(order, name, value)
    order.save(update_fields=["status", "updated_at", *changed])
    record_event(
        order=order,
        kind="status_changed",
        actor=actor,
        actor_label=actor_label,
        from_status=from_status,
        to_status=to_status,
        data=data,
    )
    return order


def email_after_commit(*, order: Order, kind: str) -> None:
    """Queue one of the order's emails once the transaction has committed (never on a rollback)."""
    order_id = order.pk
    transaction.on_commit(lambda: emails.queue_order_email(order_id=order_id, kind=kind))


def stock_lines_of(*, order: Order, waiting_only: bool = False) -> list[StockLine]:
    """The order's lines that still point to a variant, as stock moves (a deleted variant moves nothing).

    ``waiting_only``: only the pieces not shipped yet nor cancelled (an order shipped in parts).
    """
    lines = order.lines.filter(variant__isnull=False).values_list(
        "variant_id", "quantity", "quantity_shipped", "quantity_cancelled"
    )
    moves = [
        StockLine(variant_id=variant_id, quantity=quantity - (shipped + cancelled if waiting_only else 0))
        for variant_id, quantity, shipped, cancelled in lines
    ]
    return [move for move in moves if move.quantity > 0]
