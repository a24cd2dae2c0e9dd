"""Whose address a sign-in attempt was for, as django-axes counts it (its IP: core.rate_limit.client_ip).

The shop's sign-in (allauth) sends ``email``, the admin's sends ``username`` (the email too): one
lockout counts both.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


def username_of(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        value = request.POST.get("login") or request.POST.get("username") or ""
    return str(value or "").strip().lower()


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check, for sign-ins that come with a request; a script's or the shell's
    ``authenticate()`` without one has no IP to count and goes on to the password backends."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
