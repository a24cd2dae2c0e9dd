"""A counter per client and action in the cache: the forms anyone may post (event registration,
reseller application, comments, discount and gift card codes) refuse a flood from one address and
for one email. Sign-in is django-axes' and password reset allauth's, both keyed on ``client_ip``.

With Redis (``REDIS_URL``) the counters are shared by every web process; without it, each process
counts for itself, which still stops a script hammering one server.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. With no trusted proxy (``COMPTOIR_TRUSTED_PROXIES=0``, the default) the
    connection's own: any X-Forwarded-For was written by the client and proves nothing. Behind N
    trusted proxies, the entry the outermost one appended: the Nth from the end (each proxy appends
    the address it was reached from). A header with fewer entries keeps the connection's address."""
    proxies = getattr(settings, "COMPTOIR_TRUSTED_PROXIES", 0)
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def _cache_key(action: str, key: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()[:32]
    return f"rate:{action}:{digest}"


def allow(*, action: str, key: str, limit: int, window_seconds: int) -> bool:
    """Counts one more ``action`` for ``key``; False once ``limit`` is passed within the window."""
    cache_key = _cache_key(action, key)
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        count = 1
    return count <= limit


def client_keys(request: HttpRequest, *, email: str = "") -> list[str]:
    """What a limit on a public form counts: the client's (trusted) address, and the email typed."""
    email = email.strip().lower()[:254]
    return [f"ip:{client_ip(request)}", *([f"email:{email}"] if email else [])]


def allow_each(*, action: str, keys: list[str], limit: int, window_seconds: int) -> bool:
    """Counts one more ``action`` for every key (a refused try counts too); False if any is past."""
    return all([allow(action=action, key=key, limit=limit, window_seconds=window_seconds) for key in keys])


def is_limited(*, action: str, key: str, limit: int) -> bool:
    """Whether ``limit`` ``action``s were already counted for ``key`` (counts nothing)."""
    return int(cache.get(_cache_key(action, key)) or 0) >= limit


def first_time(*, action: str, key: str, window_seconds: int) -> bool:
    """True the first time ``key`` is seen for ``action`` within the window: a code retried as the
    page refreshes counts once."""
    return bool(cache.add(_cache_key(f"seen:{action}", key), 1, window_seconds))
