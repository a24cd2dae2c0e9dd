"""Wholesale prices for an approved reseller company: HT, from its price list, with volume tiers.

The VAT rate follows the buyer's situation, not the product alone: a French company pays the product's
rate; an EU company with a valid VAT number buys without VAT (intra-EU supply, the buyer self-accounts);
outside the EU, export without VAT. An EU company without a valid number pays French VAT.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

from django.db.models import Prefetch, QuerySet

from comptoir.catalog.models import Product, Variant
from comptoir.core.money import Money, TaxedMoney, quantize

from .models import PriceList, PriceListItem, VolumeTier
from .quotes import PriceQuote
from .regular_price import regular_retail_price
from .taxes import TaxRegime

ZERO = Decimal("0")
HUNDRED = Decimal("100")


class Company(Protocol):
    """What prices a reseller company: its price group and its tax regime (``resellers.Company``)."""

    @property
    def price_group_id(self) -> int | None: ...

    @property
    def tax_regime(self) -> str: ...


class NoPriceList(LookupError):
    """No wholesale list exists yet: the founder has not set the default list up."""


def price_list_for(*, company: Company) -> PriceList:
    """The company's group list when its group has one, else the default list."""
    if company.price_group_id is not None:
        group_list = PriceList.objects.filter(price_group_id=company.price_group_id).first()
        if group_list is not None:
            return group_list
    default = PriceList.objects.filter(price_group__isnull=True).first()
    if default is None:
        raise NoPriceList("No default wholesale price list.")
    return default


def wholesale_vat_rate(*, company: Company, product: Product) -> Decimal:
    return product.vat_rate if company.tax_regime == TaxRegime.DOMESTIC else ZERO


class WholesalePolicy:
    """One company's prices. Built per request (``policy_for``): its caches live as long as the page."""

    prices_include_tax = False

    def __init__(self, *, company: Company, price_list: PriceList | None = None) -> None:
        self.company = company
        self.price_list = price_list or price_list_for(company=company)
        self._items: dict[int, Decimal] = {}
        self._loaded_variants: set[int] = set()
        self._tiers: list[VolumeTier] | None = None

    # --- the HT price of one piece, before volume tiers ------------------------------------------------
    def load_prices(self, *, variant_ids: Iterable[int]) -> None:
        """Reads the list's prices of these variants in one query, before quoting them one by one."""
        self._load_items(list(variant_ids))

    def _load_items(self, variant_ids: list[int]) -> None:
        missing = [pk for pk in variant_ids if pk not in self._loaded_variants]
        if not missing:
            return
        rows = PriceListItem.objects.filter(price_list=self.price_list, variant_id__in=missing).values_list(
            "variant_id", "net_price"
        )
        self._items.update(dict(rows))
        self._loaded_variants.update(missing)

    def base_net(self, variant: Variant) -> Decimal:
        self._load_items([variant.pk])
        explicit = self._items.get(variant.pk)
        if explicit is not None:
            return explicit
        return self.price_list.derived_net(
            retail_gross=regular_retail_price(variant), vat_rate=variant.product.vat_rate
        )

    def suggested_retail_price(self, *, variant: Variant) -> Money:
        """The price (TTC) the brand suggests shops sell at: its own regular retail price."""
        return Money(regular_retail_price(variant))

    def discount_percent(self, *, product_id: int, quantity: int) -> Decimal:
        """The best tier reached: product tiers and list-wide tiers compete, the larger discount wins."""
        if self._tiers is None:
            self._tiers = list(self.price_list.tiers.all())
        reached = [
            tier.discount_percent
            for tier in self._tiers
            if tier.min_quantity <= quantity and tier.product_id in (None, product_id)
        ]
        return max(reached, default=ZERO)

    # --- the policy protocol ----------------------------------------------------------------------------
    def quote(self, *, variant: Variant, quantity: int = 1, tier_quantity: int | None = None) -> PriceQuote:
        """``tier_quantity``: the pieces of this product in the whole order (a size run), when known."""
        product = variant.product
        discount = self.discount_percent(
            product_id=product.pk, quantity=tier_quantity if tier_quantity is not None else quantity
        )
        net = self.base_net(variant)
        if discount:
            net = quantize(net * (HUNDRED - discount) / HUNDRED)
        vat_rate = wholesale_vat_rate(company=self.company, product=product)
        return PriceQuote(
            unit=TaxedMoney.from_net(Money(net), vat_rate=vat_rate),
            quantity=quantity,
            vat_rate=vat_rate,
            prices_include_tax=False,
        )

    def prepare(self, *, products: Iterable[Product]) -> None:
        """Nothing to read ahead: wholesale lists never go on sale (``load_prices`` reads the items)."""

    def annotate_listing_prices(self, products: QuerySet[Product]) -> QuerySet[Product]:
        """Prefetches the active variants (``wholesale_variants``): a list's prices are not all in SQL."""
        return products.prefetch_related(
            Prefetch(
                "variants",
                queryset=Variant.objects.filter(is_active=True)
                .order_by("pk")
                .prefetch_related(
                    Prefetch(
                        "price_list_items",
                        queryset=PriceListItem.objects.filter(price_list=self.price_list),
                        to_attr="wholesale_items",
                    )
                ),
                to_attr="wholesale_variants",
            )
        )

    def listing_quote(self, *, product: Product) -> PriceQuote:
        variants: list[Variant] = getattr(product, "wholesale_variants", None) or list(
            product.variants.filter(is_active=True)
        )
        for variant in variants:
            variant.product = product  # already in hand: no query per variant
            prefetched = getattr(variant, "wholesale_items", None)
            if prefetched is not None:  # annotate_listing_prices brought this list's items along
                self._items.update({item.variant_id: item.net_price for item in prefetched})
                self._loaded_variants.add(variant.pk)
        self._load_items([variant.pk for variant in variants])
        nets = [self.base_net(variant) for variant in variants] or [
            self.price_list.derived_net(retail_gross=product.retail_price, vat_rate=product.vat_rate)
        ]
        low, high = min(nets), max(nets)
        vat_rate = wholesale_vat_rate(company=self.company, product=product)
        return PriceQuote(
            unit=TaxedMoney.from_net(Money(low), vat_rate=vat_rate),
            quantity=1,
            vat_rate=vat_rate,
            prices_include_tax=False,
            is_from_price=high > low,
        )
