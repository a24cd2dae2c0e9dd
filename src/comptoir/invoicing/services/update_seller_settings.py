"""The owner saves the seller's identity and invoicing terms: numbers stored compact, the law checked."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from stdnum import bic, iban
from stdnum.eu import vat
from stdnum.fr import siret

from ..models import SellerSettings
from ..seller import current_seller

NORMALISE = {
    "siret": siret.compact,
    "vat_number": vat.compact,
    "iban": iban.compact,
    "bic": bic.compact,
}


def update_seller_settings(*, values: dict[str, Any]) -> SellerSettings:
    """Write ``values`` on the single settings row; raises ``ValidationError`` (nothing written) on a
    bad value. The setup saves a part at a time (identity, then bank): only the given fields are
    checked, and a first save starts from what stood in until then (the environment's values)."""
    fields = {name: NORMALISE[name](value) if name in NORMALISE else value for name, value in values.items()}
    with transaction.atomic():
        row = SellerSettings.objects.select_for_update().filter(pk=SellerSettings.SINGLETON_PK).first()
        row = row or current_seller()
        for name, value in fields.items():
            setattr(row, name, value)
        row.full_clean(
            exclude=[field.name for field in SellerSettings._meta.fields if field.name not in fields]
        )
        row.save()
    return row


def start_blank_seller_settings() -> SellerSettings:
    """The row of a shop started without the demo: no name, number or account of anyone's (the legal
    floor's customary late-payment rate and 30 days' terms, which the setup shows to change)."""
    row = SellerSettings.objects.filter(pk=SellerSettings.SINGLETON_PK).first()
    if row is None:
        row = SellerSettings.objects.create(
            pk=SellerSettings.SINGLETON_PK,
            late_payment_rate=Decimal(settings.COMPTOIR_SELLER["late_payment_rate"]),
            default_payment_terms="net_30",
        )
    return row
