"""The setup's « legal identity » step: the seller's settings and the legal pages' extras (the shop's
profile) saved together, or neither."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from comptoir.shop.services.update_shop_profile import start_empty_profile, update_shop_profile

from .update_seller_settings import start_blank_seller_settings, update_seller_settings


def update_legal_identity(*, seller_values: dict[str, Any], profile_values: dict[str, Any]) -> None:
    """Raises ``ValidationError`` on a bad value, with nothing written of either part."""
    with transaction.atomic():
        update_seller_settings(values=seller_values)
        update_shop_profile(values=profile_values)


def start_blank_identity() -> None:
    """A shop started without the demo (``start_shop``): a blank profile, closed to visitors, and blank
    seller settings, so that no default of the demo's stands in for hers."""
    with transaction.atomic():
        start_empty_profile()
        start_blank_seller_settings()
