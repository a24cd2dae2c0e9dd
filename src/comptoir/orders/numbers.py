"""Order numbers a person can read over the phone: ``ML-26-482913``.

Prefix (``COMPTOIR_ORDER_NUMBER_PREFIX``), the two-digit year, six random digits. Random rather
than sequential: a customer cannot guess her neighbour's order or count the shop's sales from her
own number, and placing an order needs no shared counter row that every checkout would queue on.
The unique index decides; ``place_order`` draws again on the rare collision. Should a year ever
approach a hundred thousand orders, widen the digits here (the column holds 20 characters).
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.utils import timezone

DIGITS = 6


def new_order_number(*, now: datetime | None = None) -> str:
    year = timezone.localdate(now or timezone.now()).year % 100
    return f"{settings.COMPTOIR_ORDER_NUMBER_PREFIX}-{year:02d}-{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
