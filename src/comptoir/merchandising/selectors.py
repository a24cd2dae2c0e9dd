"""Reads of the catalogue as it is sold: products with what their cards and pages show (prices through
the policy passed in, stock left, images), each with the joins its page needs, so no page runs N+1
queries. Here, above catalog, pricing and inventory, because these reads cross all three."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, overload

from django.db import connection
from django.db.models import BooleanField, F, Func, Prefetch, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import translation

from comptoir.catalog.models import (
    Collection,
    CollectionProduct,
    Colour,
    Fit,
    Product,
    ProductImage,
    ProductStatus,
    Size,
    Variant,
)
from comptoir.catalog.selectors import published_collections, published_products
from comptoir.core.models import object_id_for_old_slug
from comptoir.inventory.models import available_stock


class Sort(enum.StrEnum):
    FEATURED = "featured"
    NEWEST = "new"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"


@dataclass(frozen=True)
class ProductFilters:
    sizes: Sequence[str] = ()  # size slugs
    colours: Sequence[str] = ()  # colour slugs
    fits: Sequence[str] = ()  # fit slugs
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    sort: Sort = Sort.FEATURED

    @property
    def is_active(self) -> bool:
        return bool(
            self.sizes
            or self.colours
            or self.fits
            or self.price_min is not None
            or self.price_max is not None
        )


@dataclass(frozen=True)
class Facets:
    sizes: list[Size] = field(default_factory=list)
    colours: list[Colour] = field(default_factory=list)
    fits: list[Fit] = field(default_factory=list)


def _with_card_data(products: QuerySet[Product]) -> QuerySet[Product]:
    """What a product card shows: images, colours on offer and whether anything is left."""
    return products.annotate(
        # What can still be bought: inventory's "available", summed over the active variants.
        stock_total=Sum(available_stock("variants__stock__"), filter=Q(variants__is_active=True)),
    ).prefetch_related(
        Prefetch(
            "images", queryset=ProductImage.objects.order_by("position", "id"), to_attr="ordered_images"
        ),
    )


def card_colours(products: Iterable[Product]) -> dict[int, list[Colour]]:
    """Colours on offer per product, for the swatches on cards: one query for a whole page."""
    product_ids = [product.pk for product in products]
    by_product: dict[int, list[Colour]] = {product_id: [] for product_id in product_ids}
    colours = (
        Colour.objects.filter(variant__product_id__in=product_ids, variant__is_active=True)
        .annotate(for_product=F("variant__product_id"))
        .order_by("position", "id")
        .distinct()
    )
    for colour in colours:
        by_product[colour.for_product].append(colour)
    return by_product


def _matching_variants(filters: ProductFilters) -> QuerySet[Variant] | None:
    conditions = Q()
    if filters.sizes:
        conditions &= Q(size__slug__in=filters.sizes)
    if filters.colours:
        conditions &= Q(colour__slug__in=filters.colours)
    if filters.fits:
        conditions &= Q(fit__slug__in=filters.fits)
    if not conditions:
        return None
    # A size filter means "I can buy it in my size": sold-out variants do not match.
    return Variant.objects.alias(available=available_stock("stock__")).filter(
        conditions, is_active=True, available__gt=0
    )


class ProductListing:
    """Products in their listing order, as cards; Django's Paginator pages through it.

    Filtering, sorting and counting run on the products alone; what a card shows (pieces left,
    images, prices) is read for the products of the page only, so a collection of 10,000 products
    costs what one of 12 does. Sorting or filtering by price needs the prices of every product:
    only then are they computed for the whole list.
    """

    def __init__(self, *, products: QuerySet[Product], pricing_policy: Any) -> None:
        self._products = products
        self._pricing_policy = pricing_policy

    def count(self) -> int:
        return self._products.count()

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> Product: ...

    @overload
    def __getitem__(self, index: slice) -> list[Product]: ...

    def __getitem__(self, index: int | slice) -> Product | list[Product]:
        ids = self._products.values_list("pk", flat=True)
        if isinstance(index, int):
            return self._cards([ids[index]])[0]
        return self._cards(list(ids[index]))

    def __iter__(self) -> Iterator[Product]:
        return iter(self[:])

    def _cards(self, ids: list[int]) -> list[Product]:
        if not ids:
            return []
        cards = self._pricing_policy.annotate_listing_prices(
            _with_card_data(Product.objects.filter(pk__in=ids))
        )
        by_id = {card.pk: card for card in cards}
        return [by_id[product_id] for product_id in ids]


def product_listing(
    *,
    pricing_policy,
    collection: Collection | None = None,
    filters: ProductFilters = ProductFilters(),
) -> ProductListing:
    products = _listed_products(pricing_policy=pricing_policy, collection=collection, filters=filters)
    return ProductListing(products=products, pricing_policy=pricing_policy)


def _listed_products(
    *, pricing_policy, collection: Collection | None = None, filters: ProductFilters = ProductFilters()
) -> QuerySet[Product]:
    """The products listed, filtered and in their order, without what their cards show."""
    products = published_products()
    if collection is not None:
        products = products.filter(memberships__collection=collection)
    matching = _matching_variants(filters)
    if matching is not None:
        products = products.filter(pk__in=matching.values("product_id"))
    if filters.price_min is not None or filters.price_max is not None or filters.sort in PRICE_SORTS:
        priced: Any = pricing_policy.annotate_listing_prices(products)  # listing_price_min, for all
        if filters.price_min is not None:
            priced = priced.filter(listing_price_min__gte=filters.price_min)
        if filters.price_max is not None:
            priced = priced.filter(listing_price_min__lte=filters.price_max)
        products = priced
    return products.order_by(*_ordering(filters.sort, in_collection=collection is not None))


PRICE_SORTS = (Sort.PRICE_ASC, Sort.PRICE_DESC)


def _ordering(sort: Sort, *, in_collection: bool) -> tuple[str, ...]:
    if sort == Sort.NEWEST:
        return ("-published_at", "-id")
    if sort == Sort.PRICE_ASC:
        return ("listing_price_min", "id")
    if sort == Sort.PRICE_DESC:
        return ("-listing_price_min", "id")
    return ("memberships__position", "id") if in_collection else ("position", "-id")


def listing_facets(*, collection: Collection | None = None) -> Facets:
    """The sizes, colours and fits that exist among the published products listed.

    One pass over the listed variants reads the three at once (a collection of 2,500 products has
    25,000 variants: three passes were half of its page's time); the few rows named are read after.
    """
    variants = Variant.objects.sellable()
    if collection is not None:
        variants = variants.filter(product__memberships__collection=collection)
    combinations = list(variants.order_by().values_list("size_id", "colour_id", "fit_id").distinct())
    size_ids, colour_ids, fit_ids = ({row[index] for row in combinations} - {None} for index in range(3))
    return Facets(
        sizes=list(Size.objects.filter(pk__in=size_ids).order_by("scale_id", "position")),
        colours=list(Colour.objects.filter(pk__in=colour_ids)),
        fits=list(Fit.objects.filter(pk__in=fit_ids)),
    )


def home_products(
    *, pricing_policy, limit: int = 8
) -> tuple[Collection | None, list[Product], list[Product]]:
    """The featured collection with its first products, and the new arrivals."""
    featured = published_collections().filter(is_featured=True).first() or published_collections().first()
    featured_products: list[Product] = []
    if featured is not None:
        featured_products = product_listing(pricing_policy=pricing_policy, collection=featured)[:limit]
    shown = [product.pk for product in featured_products]
    new_arrivals = ProductListing(
        products=published_products()
        .filter(is_new=True)
        .exclude(pk__in=shown)
        .order_by("-published_at", "-id"),
        pricing_policy=pricing_policy,
    )[:limit]
    return featured, featured_products, new_arrivals


def product_by_slug(*, slug: str) -> Product | None:
    """A published product by its slug in any language (the caller redirects to the canonical one)."""
    lookup = Q()
    for language_code, _name in _languages():
        lookup |= Q(**{f"slug_{language_code}": slug})
    return (
        published_products()
        .filter(lookup)
        .select_related("size_guide")
        .prefetch_related(
            Prefetch(
                "variants",
                queryset=Variant.objects.filter(is_active=True).select_related(
                    "size", "colour", "fit", "stock"
                ),
                to_attr="active_variants",
            ),
            Prefetch(
                "images", queryset=ProductImage.objects.order_by("position", "id"), to_attr="ordered_images"
            ),
            Prefetch("collections", queryset=published_collections(), to_attr="published_collections"),
        )
        .first()
    )


def collection_by_slug(*, slug: str) -> Collection | None:
    lookup = Q()
    for language_code, _name in _languages():
        lookup |= Q(**{f"slug_{language_code}": slug})
    return published_collections().filter(lookup).first()


def where_a_lost_product_went(*, slug: str) -> str | None:
    """The address a visitor should be sent to for a product address that is no longer current.

    A slug the product had before answers its current page; an archived product answers its
    collection (or the home page); a draft or an unknown slug answers nothing (404).
    """
    lookup = Q()
    for language_code, _name in _languages():
        lookup |= Q(**{f"slug_{language_code}": slug})
    product = Product.objects.filter(lookup).first()
    if product is None:
        product_id = object_id_for_old_slug(model=Product, slug=slug)
        product = Product.objects.filter(pk=product_id).first() if product_id else None
    if product is None or product.status == ProductStatus.DRAFT:
        return None
    if product.is_sellable:
        return product.get_absolute_url()
    collection = (
        published_collections().filter(memberships__product=product).order_by("position", "id").first()
    )
    return collection.get_absolute_url() if collection else reverse("storefront:home")


def where_a_lost_collection_went(*, slug: str) -> str | None:
    """A collection's former address answers its current page, if it is still published."""
    collection_id = object_id_for_old_slug(model=Collection, slug=slug)
    collection = published_collections().filter(pk=collection_id).first() if collection_id else None
    return collection.get_absolute_url() if collection else None


def related_products(*, product: Product, pricing_policy, limit: int = 4) -> list[Product]:
    collection_ids = [collection.pk for collection in getattr(product, "published_collections", [])]
    related = published_products().exclude(pk=product.pk)
    if collection_ids:
        in_same_collections = CollectionProduct.objects.filter(collection_id__in=collection_ids)
        related = related.filter(pk__in=in_same_collections.values("product_id"))
    return ProductListing(
        products=related.order_by("-is_best_seller", "position", "-id"), pricing_policy=pricing_policy
    )[:limit]


def search_products(*, query: str, pricing_policy) -> ProductListing:
    """Full-text search on PostgreSQL; on SQLite, every word must appear in a name, text or SKU."""
    words = [word for word in query.split() if word][:8]
    products = _listed_products(pricing_policy=pricing_policy)
    if not words:
        products = products.none()
    elif connection.vendor == "postgresql":
        products = _search_postgresql(products, query=" ".join(words))
    else:
        for word in words:
            products = products.filter(_word_matches(word))
    return ProductListing(products=products, pricing_policy=pricing_policy)


def _word_matches(word: str) -> Q:
    language_code = translation.get_language() or "fr"
    condition = Q()
    for field_name in ("name", "summary", "description", "composition"):
        # The visitor's language, and French, the catalogue's own (once when they are the same).
        for column in dict.fromkeys((f"{field_name}_{language_code}", f"{field_name}_fr")):
            condition |= Q(**{f"{column}__icontains": word})
    # Last: the SKUs (100,000 with a large catalogue) are read only once a product's texts did not
    # match. A subquery, not a join: a join on variants would multiply the rows the card aggregates count.
    return condition | Q(pk__in=Variant.objects.filter(sku__icontains=word).values("product_id"))


def _search_postgresql(products: QuerySet[Product], *, query: str) -> QuerySet[Product]:
    from django.contrib.postgres.expressions import ArraySubquery
    from django.contrib.postgres.search import SearchQuery, SearchRank

    language_code = translation.get_language() or "fr"
    is_french = language_code.startswith("fr")
    config, document = ("french", "search_document_fr") if is_french else ("english", "search_document_en")
    search_query = SearchQuery(query, config=config, search_type="websearch")
    sku_match = Variant.objects.filter(sku__icontains=query).order_by().values("product_id")
    # The documents are stored and GIN-indexed (catalog migration 0006). The SKUs' products as an
    # array, not « id IN (subquery) »: PostgreSQL then ORs the document index with the primary key's
    # (BitmapOr) when few products match, and reads the table once when most do.
    return (
        products.filter(Q(**{document: search_query}) | _EqualsAny(F("pk"), ArraySubquery(sku_match)))
        .annotate(rank=SearchRank(F(document), search_query))
        .order_by("-rank", "position", "-id")
    )


class _EqualsAny(Func):
    """``value = ANY(array)`` (PostgreSQL)."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()


def _languages() -> list[tuple[str, object]]:
    from django.conf import settings

    return list(settings.LANGUAGES)
