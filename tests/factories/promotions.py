"""Discount codes for tests."""

from __future__ import annotations

from decimal import Decimal

import factory

from comptoir.promotions.models import DiscountCode, DiscountKind


class DiscountCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiscountCode

    code = factory.Sequence(lambda n: f"CODE{n}")
    kind = DiscountKind.PERCENT
    value = Decimal("10")
