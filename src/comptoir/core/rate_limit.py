"""A counter per client and action in the cache: the forms anyone may post (event registration,
reseller application) refuse a flood from one address. Sign-in is django-axes' and password reset
allauth's; comments count their own (community/services/post_comment.py).

With Redis (``REDIS_URL``) the counters are shared by every web process; without it, each process
counts for itself, which still stops a script hammering one server.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind the production proxy, the last X-Forwarded-For entry: the one the
    proxy appended (anything before it was written by the client and proves nothing)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return str(request.META.get("REMOTE_ADDR", ""))


def allow(*, action: str, key: str, limit: int, window_seconds: int) -> bool:
    """Counts one more ``action`` for ``key``; False once ``limit`` is passed within the window."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()[:32]
    cache_key = f"rate:{action}:{digest}"
    cache.add(cache_key, 0, window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window_seconds)
        count = 1
    return count <= limit
