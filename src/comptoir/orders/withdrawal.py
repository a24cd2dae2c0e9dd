"""The consumer's right of withdrawal: until when it may still be exercised.

Code de la consommation, art. L221-18 and L221-19: the consumer may withdraw from the conclusion of
the contract (the order confirmed: paid, or accepted on terms) until fourteen days from the day the
parcel is received, that day not counted; a period that ends on a Saturday, a Sunday or a public
holiday runs to the next working day. The founder may give more (``COMPTOIR_WITHDRAWAL_DAYS``), never
less. One rule for the page that shows the button and for the service that records the request, so
that both always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from django.conf import settings
from django.utils import timezone

from .models import Order, OrderStatus
from .state import SOLD

WITHDRAWAL_DAYS = 14  # the law's minimum


def withdrawal_days() -> int:
    return max(WITHDRAWAL_DAYS, getattr(settings, "COMPTOIR_WITHDRAWAL_DAYS", WITHDRAWAL_DAYS))


def _easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm, as published by Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def french_public_holidays(year: int) -> frozenset[date]:
    easter = _easter_sunday(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    movable = [easter + timedelta(days=1), easter + timedelta(days=39), easter + timedelta(days=50)]
    return frozenset([date(year, month, day) for month, day in fixed] + movable)


def _is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in french_public_holidays(day.year)


def withdrawal_deadline(*, order: Order) -> date | None:
    """The last day (Paris time) a withdrawal may be sent, or None before the parcel is delivered."""
    if order.delivered_at is None:
        return None
    deadline = timezone.localdate(order.delivered_at) + timedelta(days=withdrawal_days())
    while not _is_working_day(deadline):
        deadline += timedelta(days=1)
    return deadline


@dataclass(frozen=True)
class WithdrawalStatus:
    is_open: bool  # the button may be shown and the request accepted
    deadline: date | None  # None before delivery: the period runs from the parcel's arrival
    requested_at: datetime | None
    days: int = WITHDRAWAL_DAYS  # after delivery


def withdrawal_status(*, order: Order, now: datetime | None = None) -> WithdrawalStatus:
    deadline = withdrawal_deadline(order=order)
    today = timezone.localdate(now or timezone.now())
    if order.status == OrderStatus.DELIVERED:
        within_period = deadline is not None and today <= deadline
    else:
        within_period = order.status in SOLD  # confirmed, not delivered yet: open from the conclusion
    is_open = order.withdrawal_requested_at is None and within_period
    return WithdrawalStatus(
        is_open=is_open,
        deadline=deadline,
        requested_at=order.withdrawal_requested_at,
        days=withdrawal_days(),
    )
