"""Reads about resellers: who buys for which company. Every portal page starts here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from comptoir.core.money import TaxedMoney
from comptoir.pricing.quotes import PriceQuote

from .models import (
    ApplicationStatus,
    Buyer,
    BuyerInvitation,
    DraftOrderLine,
    Prepack,
    ResellerApplication,
)


def active_buyer_for(*, user: Any) -> Buyer | None:
    """The buyer membership of a signed-in user whose company is approved and active, else ``None``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return (
        Buyer.objects.select_related("company", "company__price_group")
        .filter(user=user, company__is_active=True)
        .first()
    )


def has_pending_application(*, user: Any) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return ResellerApplication.objects.filter(
        email__iexact=user.email, status=ApplicationStatus.PENDING
    ).exists()


def company_buyers(*, buyer: Buyer) -> QuerySet[Buyer]:
    return Buyer.objects.select_related("user").filter(company_id=buyer.company_id).order_by("pk")


def company_invitations(*, buyer: Buyer) -> QuerySet[BuyerInvitation]:
    return BuyerInvitation.objects.filter(company_id=buyer.company_id).order_by("-created_at")


def draft_quantities(*, buyer: Buyer, product_id: int) -> dict[int, int]:
    """Variant id → pieces already in the company's draft, for one product's grid."""
    return dict(
        DraftOrderLine.objects.filter(
            draft__company_id=buyer.company_id, variant__product_id=product_id
        ).values_list("variant_id", "quantity")
    )


def draft_lines(*, buyer: Buyer) -> list[DraftOrderLine]:
    return list(
        DraftOrderLine.objects.filter(draft__company_id=buyer.company_id).select_related(
            "variant__product", "variant__size", "variant__colour"
        )
    )


@dataclass(frozen=True, slots=True)
class DraftLineQuote:
    line: DraftOrderLine
    quote: PriceQuote
    is_preorder: bool = False  # ordered now, delivered in the product's pre-order window


@dataclass(frozen=True, slots=True)
class DraftSummary:
    lines: list[DraftLineQuote]
    total: TaxedMoney
    pieces: int


def draft_summary(*, buyer: Buyer, policy: Any) -> DraftSummary:
    """The draft priced by the company's policy; volume tiers count the pieces of each product together."""
    lines = draft_lines(buyer=buyer)
    policy.load_prices(variant_ids=[line.variant_id for line in lines])
    pieces_per_product: dict[int, int] = defaultdict(int)
    for line in lines:
        pieces_per_product[line.variant.product_id] += line.quantity
    today = timezone.localdate()
    quoted = [
        DraftLineQuote(
            line=line,
            quote=policy.quote(
                variant=line.variant,
                quantity=line.quantity,
                tier_quantity=pieces_per_product[line.variant.product_id],
            ),
            is_preorder=line.variant.product.is_open_for_preorder(today=today),
        )
        for line in lines
    ]
    total = sum((item.quote.total for item in quoted), TaxedMoney.zero())
    return DraftSummary(lines=quoted, total=total, pieces=sum(line.quantity for line in lines))


def product_prepacks(*, product_id: int) -> list[Prepack]:
    """The packs a product's grid offers, each with its sizes (two queries whatever their number)."""
    return list(Prepack.objects.filter(product_id=product_id, is_active=True).prefetch_related("sizes__size"))
