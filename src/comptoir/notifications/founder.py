"""Whom the shop writes to about its own work (the owners), and links that work from an email."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from comptoir.shop.profile import current_profile


def founder_addresses() -> list[str]:
    """The owners' addresses: active superusers with an email."""
    return list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def absolute_url(path: str) -> str:
    return current_profile().link(path)
