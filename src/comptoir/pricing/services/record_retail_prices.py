"""Keep the retail price history: every variant's public price (TTC) with the moment it took effect.

Called around every write of a retail price (before, so a price never recorded is kept before it is
lost; after, for the new one): the catalogue admin and the stock sheet. A variant whose price did not
change gets no row, so calling it again is harmless.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from comptoir.catalog.models import Variant

from ..models import RetailPriceRecord
from ..regular_price import regular_retail_price_sql


def record_retail_prices(*, product_ids: Iterable[int], at: datetime | None = None) -> int:
    """Record the current price of every variant of these products whose last record differs.

    Returns how many prices were recorded.
    """
    product_ids = list(product_ids)
    if not product_ids:
        return 0
    now = at or timezone.now()
    with transaction.atomic():
        current: dict[int, Decimal] = dict(
            Variant.objects.filter(product_id__in=product_ids)
            .order_by("pk")
            .values_list("pk", regular_retail_price_sql())
        )
        last: dict[int, Decimal] = {}
        records = RetailPriceRecord.objects.filter(variant_id__in=list(current)).order_by(
            "variant_id", "recorded_at", "pk"
        )
        for variant_id, price in records.values_list("variant_id", "gross_price"):
            last[variant_id] = price  # ordered: the latest one stays
        changed = [
            RetailPriceRecord(variant_id=variant_id, gross_price=price, recorded_at=now)
            for variant_id, price in current.items()
            if last.get(variant_id) != price
        ]
        RetailPriceRecord.objects.bulk_create(changed)
    return len(changed)
