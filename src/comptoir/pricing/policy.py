"""The one price path: every price a person sees is asked of the policy chosen for that customer.

Consumers get the retail policy (prices TTC). The reseller policies (wholesale HT lists, tiers) slot
in through ``policy_for`` without any template or view changing.
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


class NoWholesaleAccess(Exception):
    """This customer is not a buyer of an active approved company: no wholesale price for them."""


def policy_for(*, customer: Any, space: str = BOUTIQUE) -> PricingPolicy:
    """The pricing policy for this customer in this space.

    The boutique is retail for everyone, resellers' buyers included. The reseller space answers a
    company's ``WholesalePolicy`` to its buyers only and raises ``NoWholesaleAccess`` for anyone else.
    """
    if space == BOUTIQUE:
        return RetailPolicy()
    if space != RESELLER:
        raise ValueError(f"Unknown pricing space: {space!r}")
    from comptoir.resellers.selectors import active_buyer_for  # resellers' models point at pricing's

    buyer = active_buyer_for(user=customer)
    if buyer is None:
        raise NoWholesaleAccess
    return WholesalePolicy(company=buyer.company)


def quote(*, variant: Variant, customer: Any, quantity: int = 1, space: str = BOUTIQUE) -> PriceQuote:
    return policy_for(customer=customer, space=space).quote(variant=variant, quantity=quantity)
