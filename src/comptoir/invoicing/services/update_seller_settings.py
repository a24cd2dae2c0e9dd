"""The owner saves the seller's identity and invoicing terms: numbers stored compact, the law checked."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from stdnum import bic, iban
from stdnum.eu import vat
from stdnum.fr import siret

from ..models import SellerSettings

NORMALISE = {
    "siret": siret.compact,
    "vat_number": vat.compact,
    "iban": iban.compact,
    "bic": bic.compact,
}


def update_seller_settings(*, values: dict[str, Any]) -> SellerSettings:
    """Write the single settings row; raises ``ValidationError`` (nothing written) on a bad value."""
    fields = {name: NORMALISE[name](value) if name in NORMALISE else value for name, value in values.items()}
    with transaction.atomic():
        row = SellerSettings.objects.select_for_update().filter(pk=SellerSettings.SINGLETON_PK).first()
        row = row or SellerSettings(pk=SellerSettings.SINGLETON_PK)
        for name, value in fields.items():
            setattr(row, name, value)
        row.full_clean()
        row.save()
    return row
