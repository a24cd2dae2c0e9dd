"""The customer withdraws from the contract (Code de la consommation, art. L221-18 and following)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.accounts.models import User

from ..errors import WithdrawalRefused
from ..models import Order, OrderStatus
from ..withdrawal import withdrawal_status
from .transition import check_actor, email_after_commit, locked_order, record_event


def request_withdrawal(
    *,
    order: Order,
    actor: User | None = None,
    actor_label: str = "customer",
    now: datetime | None = None,
) -> Order:
    """Record the withdrawal, dated; the status does not change (the return is still to come).

    From the order's confirmation to 14 days after delivery or the founder's longer period
    (orders/withdrawal.py holds the one rule, the same the page uses);
    the dated acknowledgement the law requires goes out by email after commit. A second request
    finds the first one recorded and changes nothing.
    """
    check_actor(actor=actor, actor_label=actor_label)
    moment = now or timezone.now()
    with transaction.atomic():
        order = locked_order(order=order)
        if order.withdrawal_requested_at is not None:
            return order
        status = withdrawal_status(order=order, now=moment)
        if not status.is_open:
            if order.status != OrderStatus.DELIVERED:
                message = _("La commande %(number)s n'ouvre pas de droit de rétractation.")
            else:
                message = _("Le délai de rétractation de la commande %(number)s est passé.")
            raise WithdrawalRefused(
                message % {"number": order.number}, order_number=order.number, from_status=order.status
            )
        order.withdrawal_requested_at = moment
        order.save(update_fields=["withdrawal_requested_at", "updated_at"])
        record_event(
            order=order,
            kind="withdrawal_requested",
            actor=actor,
            actor_label=actor_label,
            data={"deadline": status.deadline.isoformat() if status.deadline else ""},
        )
        email_after_commit(order=order, kind="withdrawal_acknowledged")
    return order
