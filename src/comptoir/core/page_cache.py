"""The generation of the boutique's cached pages: one number, bumped whenever what they show changes.

Cached pages are stored under the generation current when they were rendered (storefront/page_cache.py),
so bumping it retires every cached page at once: a price, a stock level, a collection or a post changed
means the next visitor gets a freshly rendered page. Whole-shop invalidation is deliberate: a small
catalogue changes a few times a day, and a per-page dependency graph is where stale prices hide.

With ``REDIS_URL`` the number lives in Redis and every web process sees the same one; without it, in
the process's local memory (one process, the embedded demo).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "comptoir:pages:generation"


def pages_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return int(generation)


def entry_and_generation(key: str) -> tuple[Any, int]:
    """The cache's entry under ``key`` and the current generation, read in one round trip (one MGET
    with Redis): the entry is the caller's to compare with the generation it was stored under."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return None, pages_generation()
    return found.get(key), int(generation)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (a cold cache): any new number retires nothing, so start one
        cache.add(GENERATION_KEY, 2, timeout=None)


def shop_pages_changed() -> None:
    """Retire every cached boutique page now and, inside a transaction, again once it commits.

    Now: the writer's own next request (and a test, whose transaction never commits) sees the change.
    After commit: a visitor who rendered the page between our write and our commit read the old rows
    and cached them under the new generation; the second bump retires that page too.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)
