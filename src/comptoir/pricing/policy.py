"""The one price path: every price a person sees is asked of the policy chosen for that customer.

Consumers get the retail policy (prices TTC). The reseller policies (wholesale HT lists, tiers) slot
in through ``policy_for`` without any template or view changing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

from django.db.models import DecimalField, F, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from comptoir.catalog.models import Product, Variant
from comptoir.core.money import Money, TaxedMoney

from .quotes import PriceQuote
from .wholesale import WholesalePolicy

__all__ = ["PriceQuote", "PricingPolicy", "RetailPolicy", "WholesalePolicy", "policy_for", "quote"]


class PricingPolicy(Protocol):
    prices_include_tax: bool

    def quote(
        self, *, variant: Variant, quantity: int = 1, tier_quantity: int | None = None
    ) -> PriceQuote: ...

    def load_prices(self, *, variant_ids: Iterable[int]) -> None: ...

    def annotate_listing_prices(self, products: QuerySet[Product]) -> QuerySet[Product]: ...

    def listing_quote(self, *, product: Product) -> PriceQuote: ...


_ACTIVE_VARIANT_PRICE = Coalesce(
    "variants__retail_price", "retail_price", output_field=DecimalField(max_digits=12, decimal_places=2)
)


class RetailPolicy:
    """Public prices, VAT included, as the founder sets them on products and variants."""

    prices_include_tax = True

    def load_prices(self, *, variant_ids: Iterable[int]) -> None:
        """Retail prices live on the variants already in hand: nothing to read ahead."""

    def quote(self, *, variant: Variant, quantity: int = 1, tier_quantity: int | None = None) -> PriceQuote:
        """``tier_quantity`` (the product's pieces in the whole order) matters to wholesale tiers only."""
        product = variant.product
        gross = variant.retail_price if variant.retail_price is not None else product.retail_price
        return PriceQuote(
            unit=TaxedMoney.from_gross(Money(gross), vat_rate=product.vat_rate),
            quantity=quantity,
            vat_rate=product.vat_rate,
            prices_include_tax=True,
        )

    def annotate_listing_prices(self, products: QuerySet[Product]) -> QuerySet[Product]:
        """Adds ``listing_price_min``/``listing_price_max`` (TTC), for display, filters and sorting."""
        active = Q(variants__is_active=True)
        return products.annotate(
            listing_price_min=Coalesce(Min(_ACTIVE_VARIANT_PRICE, filter=active), F("retail_price")),
            listing_price_max=Coalesce(Max(_ACTIVE_VARIANT_PRICE, filter=active), F("retail_price")),
        )

    def listing_quote(self, *, product: Product) -> PriceQuote:
        low: Decimal = getattr(product, "listing_price_min", product.retail_price)
        high: Decimal = getattr(product, "listing_price_max", product.retail_price)
        return PriceQuote(
            unit=TaxedMoney.from_gross(Money(low), vat_rate=product.vat_rate),
            quantity=1,
            vat_rate=product.vat_rate,
            prices_include_tax=True,
            is_from_price=high > low,
        )


_RETAIL = RetailPolicy()


BOUTIQUE = "boutique"
RESELLER = "reseller"


class NoWholesaleAccess(Exception):
    """This customer is not a buyer of an active approved company: no wholesale price for them."""


def policy_for(*, customer: Any, space: str = BOUTIQUE) -> PricingPolicy:
    """The pricing policy for this customer in this space.

    The boutique is retail for everyone, resellers' buyers included. The reseller space answers a
    company's ``WholesalePolicy`` to its buyers only and raises ``NoWholesaleAccess`` for anyone else.
    """
    if space == BOUTIQUE:
        return _RETAIL
    if space != RESELLER:
        raise ValueError(f"Unknown pricing space: {space!r}")
    from comptoir.resellers.selectors import active_buyer_for  # resellers' models point at pricing's

    buyer = active_buyer_for(user=customer)
    if buyer is None:
        raise NoWholesaleAccess
    return WholesalePolicy(company=buyer.company)


def quote(*, variant: Variant, customer: Any, quantity: int = 1, space: str = BOUTIQUE) -> PriceQuote:
    return policy_for(customer=customer, space=space).quote(variant=variant, quantity=quantity)
