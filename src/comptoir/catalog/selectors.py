"""Reads of the catalogue alone. Pages that show products with their prices and stock read them through
``merchandising.selectors``, which sits above catalog, pricing and inventory."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Collection, Product


def published_products() -> QuerySet[Product]:
    return Product.objects.sellable()


def published_collections() -> QuerySet[Collection]:
    return Collection.objects.filter(is_published=True)
