"""The owner saves part of the shop's identity (one setup step): all of it or, on a bad value, nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..models import ShopProfile

SECRET_FIELDS = ("stripe_secret_key", "stripe_webhook_secret")


def update_shop_profile(*, values: dict[str, Any]) -> ShopProfile:
    """Write ``values`` on the single row (created on first save); raises ``ValidationError``, nothing
    written, on a bad value. A secret left blank keeps the stored one: pages never show it back."""
    with transaction.atomic():
        row = ShopProfile.objects.select_for_update().filter(pk=ShopProfile.SINGLETON_PK).first()
        row = row or ShopProfile(pk=ShopProfile.SINGLETON_PK)
        for name, value in values.items():
            if name in SECRET_FIELDS and not value:
                continue
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        row.full_clean()
        row.save()
    return row


def forget_stripe_keys() -> ShopProfile:
    """Remove both Stripe secrets (and so card payments): what « Retirer les clés » does."""
    with transaction.atomic():
        row = ShopProfile.objects.select_for_update().get(pk=ShopProfile.SINGLETON_PK)
        row.stripe_secret_key = row.stripe_webhook_secret = ""
        row.stripe_enabled = False
        row.save()
    return row


def start_empty_profile() -> ShopProfile:
    """The row of a shop started without the demo: every field blank, closed to visitors."""
    row, _created = ShopProfile.objects.get_or_create(pk=ShopProfile.SINGLETON_PK)
    return row
