"""The seller's legal identity, as every invoice must state it (Code de commerce, art. R123-237)."""

from __future__ import annotations

from django.conf import settings


def seller_identity() -> dict[str, str]:
    identity = dict(settings.COMPTOIR_SELLER)
    identity.setdefault("name", settings.SHOP_NAME)
    return identity
