"""Whose address a sign-in attempt was for, as django-axes counts it (its IP: core.rate_limit.client_ip).

The shop's sign-in (allauth) sends ``email``, the admin's sends ``username`` (the email too): one
lockout counts both.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def username_of(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        value = request.POST.get("login") or request.POST.get("username") or ""
    return str(value or "").strip().lower()
