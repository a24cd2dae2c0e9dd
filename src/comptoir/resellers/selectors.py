"""Reads about resellers: who buys for which company. Every portal page starts here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from comptoir.catalog.models import Product, Variant
from comptoir.catalog.selectors import published_products
from comptoir.core.money import TaxedMoney, total_by_rate
from comptoir.inventory.selectors import available_quantities
from comptoir.pricing.models import VolumeTier
from comptoir.pricing.quotes import PriceQuote
from comptoir.pricing.wholesale import WholesalePolicy

from .errors import NoWholesaleAccess
from .models import (
    ApiKey,
    ApplicationStatus,
    Buyer,
    BuyerInvitation,
    DraftOrderLine,
    Prepack,
    ResellerApplication,
)
from .rules import product_rules


def wholesale_policy_for(*, user: Any) -> WholesalePolicy:
    """The reseller space's prices for this person: their company's policy; ``NoWholesaleAccess`` for
    anyone who is not a buyer of an active approved company."""
    buyer = active_buyer_for(user=user)
    if buyer is None:
        raise NoWholesaleAccess
    return WholesalePolicy(company=buyer.company)


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


def company_api_keys(*, buyer: Buyer) -> QuerySet[ApiKey]:
    """The company's API keys, active ones first, newest first, with who created them."""
    return (
        ApiKey.objects.select_related("created_by")
        .filter(company_id=buyer.company_id)
        .order_by(F("revoked_at").desc(nulls_first=True), "-created_at", "-pk")
    )


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
    # Priced HT: the VAT rounded once per rate (core.money), as the order and its invoice will state it.
    total = total_by_rate((item.quote.total.net.amount, item.quote.vat_rate) for item in quoted)
    return DraftSummary(lines=quoted, total=total, pieces=sum(line.quantity for line in lines))


def product_prepacks(*, product_id: int) -> list[Prepack]:
    """The packs a product's grid offers, each with its sizes (two queries whatever their number)."""
    return list(Prepack.objects.filter(product_id=product_id, is_active=True).prefetch_related("sizes__size"))


@dataclass(frozen=True, slots=True)
class WholesaleVariant:
    variant: Variant
    quote: PriceQuote  # one piece, before volume tiers
    available: int


@dataclass(frozen=True, slots=True)
class WholesaleProduct:
    product: Product
    is_preorder: bool
    minimum_quantity: int
    pack_multiple: int
    tiers: list[VolumeTier]  # the product's and the list-wide ones, by quantity
    prepacks: list[Prepack]
    variants: list[WholesaleVariant]


@dataclass(frozen=True, slots=True)
class WholesaleCatalogue:
    count: int
    products: list[WholesaleProduct]


def wholesale_catalogue(*, policy: WholesalePolicy, offset: int, limit: int) -> WholesaleCatalogue:
    """A page of the catalogue as the company buys it: each variant priced HT by the company's policy
    (the grid's prices), its stock, the product's order rules, tiers and packs. Fixed queries per page."""
    products_query = published_products().order_by("position", "-id")
    count = products_query.count()
    products = list(
        products_query.prefetch_related(
            Prefetch(
                "variants",
                queryset=Variant.objects.filter(is_active=True).select_related("size", "colour", "fit"),
                to_attr="wholesale_variants",
            ),
            Prefetch(
                "prepacks",
                queryset=Prepack.objects.filter(is_active=True).prefetch_related("sizes__size"),
                to_attr="active_prepacks",
            ),
        )[offset : offset + limit]
    )
    variant_ids = [variant.pk for product in products for variant in product.wholesale_variants]  # type: ignore[attr-defined]
    available = available_quantities(variant_ids=variant_ids)
    policy.load_prices(variant_ids=variant_ids)
    rules = product_rules(product_ids=[product.pk for product in products])
    tiers = list(policy.price_list.tiers.order_by("min_quantity", "pk"))
    today = timezone.localdate()
    rows = []
    for product in products:
        rule = rules.get(product.pk)
        variants = []
        for variant in product.wholesale_variants:  # type: ignore[attr-defined]
            variant.product = product  # in hand: no query per variant
            variants.append(
                WholesaleVariant(
                    variant=variant,
                    quote=policy.quote(variant=variant),
                    available=available.get(variant.pk, 0),
                )
            )
        rows.append(
            WholesaleProduct(
                product=product,
                is_preorder=product.is_open_for_preorder(today=today),
                minimum_quantity=rule.minimum_quantity if rule else 1,
                pack_multiple=rule.pack_multiple if rule else 1,
                tiers=[tier for tier in tiers if tier.product_id in (None, product.pk)],
                prepacks=product.active_prepacks,  # type: ignore[attr-defined]
                variants=variants,
            )
        )
    return WholesaleCatalogue(count=count, products=rows)
