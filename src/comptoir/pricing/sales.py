"""Sales: which pieces are reduced now, at what price, and the reference price the law asks for.

The Omnibus directive (and the Code de la consommation, art. L112-1-1) wants every announced
reduction to be measured from the lowest price applied during the 30 days before it began. That
price is read from ``RetailPriceRecord``; it is also never above today's regular price, so a price
lowered during a sale lowers the announced reduction, never raises it. When the sale price is not
below that reference, the piece is sold at the sale price with no reduction announced.

``running_sales`` reads the sales running now (one query per page); ``attach_sales`` reads what a page
of products needs from them in a fixed number of queries (none when no sale runs) and hangs it on
each product as ``retail_sales``; ``RetailPolicy`` quotes from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import chain

from django.db.models import Min, Q
from django.utils import timezone

from comptoir.catalog.models import CollectionProduct, Product, Variant
from comptoir.core.money import quantize

from .models import RetailPriceRecord, Sale, SaleKind
from .regular_price import regular_retail_price_sql

REFERENCE_PERIOD = timedelta(days=30)
HUNDRED = Decimal("100")


@dataclass(frozen=True, slots=True)
class SaleTerms:
    sale_id: int
    kind: str
    value: Decimal
    starts_at: datetime
    ends_at: datetime

    def price(self, *, regular: Decimal) -> Decimal | None:
        """The sale price of a piece whose regular price is ``regular`` TTC; None if it is not lower."""
        if self.kind == SaleKind.PERCENTAGE:
            reduced = quantize(regular * (HUNDRED - self.value) / HUNDRED)
        else:
            reduced = quantize(self.value)
        return reduced if reduced < regular else None


@dataclass(frozen=True, slots=True)
class SaleOffer:
    """What one piece costs during a sale, and the struck-through reference price (if any)."""

    price: Decimal
    reference: Decimal | None  # None: not above the sale price, so no reduction is announced
    starts_at: datetime
    ends_at: datetime


def reference_price(
    *, history: list[tuple[datetime, Decimal]], regular: Decimal, sale_starts_at: datetime
) -> Decimal:
    """The lowest price applied in the 30 days before ``sale_starts_at`` (and never above ``regular``).

    ``history``: the piece's recorded prices, oldest first. The price in force when the window opened
    counts (the last record before it, or the first record: prices are recorded from the start).
    """
    window_opens = sale_starts_at - REFERENCE_PERIOD
    applied = [regular]
    before = [price for recorded_at, price in history if recorded_at <= window_opens]
    if before:
        applied.append(before[-1])
    elif history:
        applied.append(history[0][1])
    applied.extend(price for recorded_at, price in history if window_opens < recorded_at < sale_starts_at)
    return min(applied)


@dataclass(slots=True)
class ProductSales:
    """The sales running on one product, with what is needed to price each of its variants."""

    terms: list[SaleTerms] = field(default_factory=list)
    history: dict[int, list[tuple[datetime, Decimal]]] = field(default_factory=dict)
    regular_prices: dict[int, Decimal] = field(default_factory=dict)  # active variants, TTC

    def offer(self, *, variant_id: int | None, regular: Decimal) -> SaleOffer | None:
        """The best (lowest) sale price of this piece, or None when no sale lowers it."""
        best: tuple[Decimal, SaleTerms] | None = None
        for terms in self.terms:
            price = terms.price(regular=regular)
            if price is not None and (best is None or price < best[0]):
                best = (price, terms)
        if best is None:
            return None
        price, terms = best
        reference = reference_price(
            history=self.history.get(variant_id, []) if variant_id is not None else [],
            regular=regular,
            sale_starts_at=terms.starts_at,
        )
        return SaleOffer(
            price=price,
            reference=reference if reference > price else None,
            starts_at=terms.starts_at,
            ends_at=terms.ends_at,
        )

    def listing(self) -> tuple[Decimal, Decimal, SaleOffer | None] | None:
        """Lowest and highest price among the active variants, and the lowest one's offer."""
        if not self.terms or not self.regular_prices:
            return None
        priced = []
        for variant_id, regular in sorted(self.regular_prices.items()):
            offer = self.offer(variant_id=variant_id, regular=regular)
            priced.append((offer.price if offer else regular, offer))
        low, low_offer = min(priced, key=lambda pair: pair[0])
        return low, max(price for price, _offer in priced), low_offer


def active_sales_filter(*, at: datetime) -> Q:
    return Q(is_active=True, starts_at__lte=at, ends_at__gt=at)


@dataclass(frozen=True, slots=True)
class RunningSales:
    at: datetime
    terms: dict[int, SaleTerms]  # by sale id


def running_sales(*, at: datetime | None = None) -> RunningSales:
    """The sales running at ``at`` (now): one query, usually answering none or a few."""
    now = at or timezone.now()
    rows = Sale.objects.filter(active_sales_filter(at=now)).values_list(
        "pk", "kind", "value", "starts_at", "ends_at"
    )
    return RunningSales(at=now, terms={row[0]: SaleTerms(*row) for row in rows})


def attach_sales(*, products: Iterable[Product], running: RunningSales | None = None) -> None:
    """Sets ``retail_sales`` on each product: no query when no sale runs, four when some do."""
    products = list(products)
    product_ids = {product.pk for product in products}
    if not product_ids:
        return
    running = running if running is not None else running_sales()
    by_product: dict[int, ProductSales] = {product_id: ProductSales() for product_id in product_ids}
    if running.terms:
        sale_ids = list(running.terms)
        direct = Sale.products.through.objects.filter(
            sale_id__in=sale_ids, product_id__in=product_ids
        ).values_list("product_id", "sale_id")
        through_collections = (
            CollectionProduct.objects.filter(product_id__in=product_ids, collection__sales__in=sale_ids)
            .values_list("product_id", "collection__sales")
            .distinct()
        )
        for product_id, sale_id in chain(direct, through_collections):
            terms = running.terms[sale_id]
            if terms not in by_product[product_id].terms:
                by_product[product_id].terms.append(terms)
        on_sale = [product_id for product_id, sales in by_product.items() if sales.terms]
        if on_sale:
            _load_prices(by_product, product_ids=on_sale)
    for product in products:
        product.retail_sales = by_product[product.pk]  # type: ignore[attr-defined]


def _load_prices(by_product: dict[int, ProductSales], *, product_ids: list[int]) -> None:
    variants = Variant.objects.filter(product_id__in=product_ids).values_list(
        "pk", "product_id", regular_retail_price_sql(), "is_active"
    )
    product_of: dict[int, int] = {}
    for variant_id, product_id, regular_price, is_active in variants:
        product_of[variant_id] = product_id
        if is_active:
            by_product[product_id].regular_prices[variant_id] = regular_price
    records = RetailPriceRecord.objects.filter(variant__product_id__in=product_ids).values_list(
        "variant_id", "recorded_at", "gross_price"
    )
    for variant_id, recorded_at, price in records.order_by("variant_id", "recorded_at", "pk"):
        by_product[product_of[variant_id]].history.setdefault(variant_id, []).append((recorded_at, price))


def next_sale_change(*, after: datetime) -> datetime | None:
    """The next moment after ``after`` a sale starts or ends: retail prices shown change then."""
    moments = Sale.objects.filter(is_active=True).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=after)),
        ends=Min("ends_at", filter=Q(ends_at__gt=after)),
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)
