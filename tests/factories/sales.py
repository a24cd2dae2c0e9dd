"""Sales for tests: a sale from ``starts`` to ``ends`` days from now (negative: in the past)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from comptoir.pricing.models import Sale, SaleKind


def make_sale(
    *, products=(), collections=(), kind=SaleKind.PERCENTAGE, value="20", starts=-1, ends=7, **fields
):
    now = timezone.now()
    created = Sale.objects.create(
        name=fields.pop("name", "Soldes"),
        kind=kind,
        value=Decimal(value),
        starts_at=now + timedelta(days=starts),
        ends_at=now + timedelta(days=ends),
        **fields,
    )
    created.products.set(products)
    created.collections.set(collections)
    return created
