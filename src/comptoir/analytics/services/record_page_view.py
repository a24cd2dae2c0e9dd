"""Count one page seen: the anonymous visitor of the day, and the page (buffered, see visit_buffer.py)."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import DailySalt, PageView
from ..visit_buffer import BufferedView, append_view, is_due, take_views


def _salt_of(day: date) -> str:
    key = f"analytics:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt is None:
        salt = _stored_salt_of(day)
        cache.set(key, salt, timeout=60 * 60)
    return salt


def _stored_salt_of(day: date) -> str:
    salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is not None:
        return salt
    try:
        with transaction.atomic():
            DailySalt.objects.create(day=day, salt=secrets.token_hex(32))
            # Yesterday's salt is kept for visits that straddle midnight; older ones are forgotten.
            DailySalt.objects.filter(day__lt=day - timedelta(days=1)).delete()
    except IntegrityError:  # another process made today's salt first: use theirs
        pass
    return DailySalt.objects.get(day=day).salt


def visitor_of(*, day: date, ip: str, user_agent: str) -> str:
    digest = hashlib.sha256(f"{_salt_of(day)}|{ip}|{user_agent}".encode()).hexdigest()
    return digest[:16]


def record_page_view(*, path: str, ip: str, user_agent: str) -> None:
    """Buffer the view (no database write); write the buffer when it is full or old enough."""
    day = timezone.localdate()
    state = append_view(
        BufferedView(
            day=day,
            visitor=visitor_of(day=day, ip=ip, user_agent=user_agent),
            path=path[:200],
            seen_at=time.time(),
        )
    )
    if is_due(
        state,
        flush_at=settings.COMPTOIR_ANALYTICS_FLUSH_AT,
        flush_seconds=settings.COMPTOIR_ANALYTICS_FLUSH_SECONDS,
    ):
        flush_page_views()


def flush_page_views() -> int:
    """Write every buffered page view in one INSERT; returns how many were written."""
    views = take_views()
    PageView.objects.bulk_create(
        [PageView(day=view.day, visitor=view.visitor, path=view.path) for view in views], batch_size=1000
    )
    return len(views)
