"""A variant's regular retail price (TTC, before any sale): its own price, else its product's.

The one place of that fallback: the retail policy quotes from it, wholesale lists derive from it, the
price history records it and the line sheet suggests it.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField
from django.db.models.functions import Coalesce

from comptoir.catalog.models import Variant


def regular_retail_price(variant: Variant) -> Decimal:
    return variant.retail_price if variant.retail_price is not None else variant.product.retail_price


def regular_retail_price_sql(*, variant: str = "", product: str = "product__") -> Coalesce:
    """The same in SQL; ``variant`` and ``product`` lead to each model (from a product: ``"variants__"``
    and ``""``)."""
    return Coalesce(
        f"{variant}retail_price",
        f"{product}retail_price",
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )
