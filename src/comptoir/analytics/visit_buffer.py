"""Page views held in the cache until they are written in bulk: reading a page writes nothing to the database.

Each page read appends one line (the day, the anonymous visitor's hash, the page, when) to a list in the
cache: a Redis list when ``REDIS_URL`` is set (shared by every web process, one round trip per page),
the process's memory otherwise. ``record_page_view`` writes the list to the database in one
INSERT once it holds ``COMPTOIR_ANALYTICS_FLUSH_AT`` views or its oldest is older than
``COMPTOIR_ANALYTICS_FLUSH_SECONDS``; ``manage.py flush_page_views`` (cron) and the founder's figures
write it too. What a crashed process held in local memory is lost: at most one batch of statistics.
Only hashes are held, never an address or a user agent.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache

BUFFER_KEY = "analytics:buffered-views"
_SEPARATOR = "\t"
# Without Redis, each process holds its own views (a list, not the local-memory cache: no pickling of
# the whole buffer per page) until its own threshold or age writes them; threaded servers share it.
_local_views: list[str] = []
_local_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class BufferedView:
    day: date
    visitor: str
    path: str
    seen_at: float

    def encoded(self) -> str:
        return _SEPARATOR.join((self.day.isoformat(), self.visitor, str(int(self.seen_at)), self.path))

    @classmethod
    def decoded(cls, line: str | bytes) -> BufferedView:
        text = line.decode() if isinstance(line, bytes) else line
        day, visitor, seen_at, path = text.split(_SEPARATOR, 3)
        return cls(day=date.fromisoformat(day), visitor=visitor, path=path, seen_at=float(seen_at))


@dataclass(frozen=True, slots=True)
class BufferState:
    """What the buffer holds after an append: how many views, and since when (the oldest's time)."""

    size: int
    oldest_seen_at: float


def _redis_client():  # type: ignore[no-untyped-def]
    return cache._cache.get_client(write=True)  # type: ignore[attr-defined]


def append_view(view: BufferedView) -> BufferState:
    if isinstance(cache, RedisCache):
        key = cache.make_key(BUFFER_KEY)
        pipeline = _redis_client().pipeline(transaction=False)
        pipeline.rpush(key, view.encoded())
        pipeline.lindex(key, 0)
        size, oldest = pipeline.execute()
        return BufferState(size=size, oldest_seen_at=BufferedView.decoded(oldest).seen_at)
    with _local_lock:
        _local_views.append(view.encoded())
        size, oldest = len(_local_views), _local_views[0]
    return BufferState(size=size, oldest_seen_at=BufferedView.decoded(oldest).seen_at)


def take_views() -> list[BufferedView]:
    """Everything buffered, emptying the buffer in the same step (two flushes never write a view twice)."""
    if isinstance(cache, RedisCache):
        key = cache.make_key(BUFFER_KEY)
        pipeline = _redis_client().pipeline(transaction=True)
        pipeline.lrange(key, 0, -1)
        pipeline.delete(key)
        lines, _deleted = pipeline.execute()
    else:
        with _local_lock:
            lines = _local_views.copy()
            _local_views.clear()
    return [BufferedView.decoded(line) for line in lines]


def is_due(state: BufferState, *, flush_at: int, flush_seconds: float) -> bool:
    return state.size >= flush_at or time.time() - state.oldest_seen_at >= flush_seconds
