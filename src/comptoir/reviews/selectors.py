"""Published reviews of a product and their average, in two small queries."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count

from comptoir.catalog.models import Product

from .models import Review, ReviewStatus

# The page (content app) that explains how reviews are collected and checked, as the law asks.
REVIEW_POLICY_SLUG = "politique-des-avis"


@dataclass(frozen=True)
class ReviewSummary:
    count: int
    average: Decimal | None  # one decimal, e.g. 4.7
    reviews: list[Review]


def product_reviews(*, product: Product, limit: int = 20) -> ReviewSummary:
    published = Review.objects.filter(product=product, status=ReviewStatus.APPROVED)
    totals = published.aggregate(count=Count("id"), average=Avg("rating"))
    average = totals["average"]
    return ReviewSummary(
        count=totals["count"],
        average=Decimal(str(average)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if average else None,
        reviews=list(published.order_by("-published_at", "-id")[:limit]),
    )
