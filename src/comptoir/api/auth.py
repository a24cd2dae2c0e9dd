"""``Authorization: Bearer <key>``: the company's API key, and a limit of requests per key.

A missing, unknown or revoked key, or one whose buyer no longer buys for an active company, is a 401.
Past the limit (``COMPTOIR_API_REQUESTS_PER_MINUTE``), a 429 with ``Retry-After``: the counters are
the project's (core.rate_limit), shared by every web process when Redis is configured.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer

from comptoir.core.rate_limit import allow
from comptoir.resellers.services.api_keys import ApiCaller, authenticate_api_key

WINDOW_SECONDS = 60


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"Rate limited, retry after {retry_after} s.")


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiCaller | None:
        caller = authenticate_api_key(clear_key=token)
        if caller is None:
            return None
        if not allow(
            action="api",
            key=f"key-{caller.api_key.pk}",
            limit=settings.COMPTOIR_API_REQUESTS_PER_MINUTE,
            window_seconds=WINDOW_SECONDS,
        ):
            raise RateLimited(retry_after=WINDOW_SECONDS)
        return caller


def caller_of(request: Any) -> ApiCaller:
    """The caller ``ApiKeyAuth`` found (ninja keeps it in ``request.auth``)."""
    return request.auth  # type: ignore[no-any-return]
