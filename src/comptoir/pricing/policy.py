"""The one price path: every price a person sees is asked of the policy chosen for that customer.

Consumers get the retail policy (prices TTC), from ``policy_for``; a reseller company's buyers get its
``WholesalePolicy`` (HT lists, tiers) in the reseller space, from ``resellers.selectors
.wholesale_policy_for``, which knows who buys for which company. Templates and views ask either alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

from django.db.models import F, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from comptoir.catalog.models import Product, Variant
from comptoir.core.money import Money, TaxedMoney

from .quotes import PriceQuote
from .regular_price import regular_retail_price, regular_retail_price_sql
from .sales import ProductSales, RunningSales, SaleOffer, attach_sales, running_sales
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

    def prepare(self, *, products: Iterable[Product]) -> None: ...


_ACTIVE_VARIANT_PRICE = regular_retail_price_sql(variant="variants__", product="")


class RetailPolicy:
    """Public prices, VAT included, as the founder sets them on products and variants, less any sale."""

    prices_include_tax = True

    def __init__(self) -> None:
        # Built per request (``policy_for``): the sales running now are read once for the whole page.
        self._running: RunningSales | None = None

    def _running_sales(self) -> RunningSales:
        if self._running is None:
            self._running = running_sales()
        return self._running

    def prepare(self, *, products: Iterable[Product]) -> None:
        """Reads the sales of a page of products at once (quoting reads them per product otherwise)."""
        attach_sales(
            products=[product for product in products if not hasattr(product, "retail_sales")],
            running=self._running_sales(),
        )

    def _sales_of(self, product: Product) -> ProductSales:
        if product.is_gift_card:
            return ProductSales()  # a voucher is worth its price: never on sale
        if not hasattr(product, "retail_sales"):
            attach_sales(products=[product], running=self._running_sales())
        return product.retail_sales  # type: ignore[attr-defined, no-any-return]

    def load_prices(self, *, variant_ids: Iterable[int]) -> None:
        """Retail prices live on the variants already in hand: nothing to read ahead."""

    def quote(self, *, variant: Variant, quantity: int = 1, tier_quantity: int | None = None) -> PriceQuote:
        """``tier_quantity`` (the product's pieces in the whole order) matters to wholesale tiers only."""
        product = variant.product
        regular = regular_retail_price(variant)
        offer = self._sales_of(product).offer(variant_id=variant.pk, regular=regular)
        return _retail_quote(product=product, gross=regular, offer=offer, quantity=quantity)

    def annotate_listing_prices(self, products: QuerySet[Product]) -> QuerySet[Product]:
        """Adds ``listing_price_min``/``listing_price_max`` (TTC before sales), for filters and sorting."""
        active = Q(variants__is_active=True)
        return products.annotate(
            listing_price_min=Coalesce(Min(_ACTIVE_VARIANT_PRICE, filter=active), F("retail_price")),
            listing_price_max=Coalesce(Max(_ACTIVE_VARIANT_PRICE, filter=active), F("retail_price")),
        )

    def listing_quote(self, *, product: Product) -> PriceQuote:
        on_sale = self._sales_of(product).listing()
        if on_sale is not None:
            low, high, offer = on_sale
        else:
            low = getattr(product, "listing_price_min", product.retail_price)
            high = getattr(product, "listing_price_max", product.retail_price)
            offer = None
        return _retail_quote(product=product, gross=low, offer=offer, quantity=1, is_from_price=high > low)


def _retail_quote(
    *, product: Product, gross: Decimal, offer: SaleOffer | None, quantity: int, is_from_price: bool = False
) -> PriceQuote:
    def taxed(amount: Decimal) -> TaxedMoney:
        return TaxedMoney.from_gross(Money(amount), vat_rate=product.vat_rate)

    return PriceQuote(
        unit=taxed(offer.price if offer else gross),
        quantity=quantity,
        vat_rate=product.vat_rate,
        prices_include_tax=True,
        is_from_price=is_from_price,
        reference_unit=taxed(offer.reference) if offer and offer.reference is not None else None,
        sale_starts_at=offer.starts_at if offer else None,
        sale_ends_at=offer.ends_at if offer else None,
    )


BOUTIQUE = "boutique"
RESELLER = "reseller"


def policy_for(*, customer: Any) -> PricingPolicy:
    """The boutique's policy: retail for everyone, resellers' buyers included."""
    return RetailPolicy()


def quote(*, variant: Variant, customer: Any, quantity: int = 1) -> PriceQuote:
    return policy_for(customer=customer).quote(variant=variant, quantity=quantity)
