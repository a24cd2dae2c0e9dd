"""The published catalogue as search engines and Google Merchant Center read it, in a few queries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from comptoir.catalog.models import Collection, Product, ProductImage, Variant
from comptoir.catalog.selectors import published_collections, published_products
from comptoir.core.money import Money
from comptoir.pricing.policy import RetailPolicy
from comptoir.shipping.models import Carrier
from comptoir.shipping.selectors import shipping_options

from .structured_data import SHIPPING_COUNTRY, variant_url

GOOGLE_SHIRTS_CATEGORY = "212"  # Apparel & Accessories > Clothing > Shirts & Tops


def products_for_search_engines() -> QuerySet[Product]:
    return published_products().prefetch_related(
        Prefetch(
            "images", queryset=ProductImage.objects.order_by("position", "id"), to_attr="ordered_images"
        ),
        Prefetch(
            "variants",
            queryset=Variant.objects.filter(is_active=True).select_related("size", "colour", "fit", "stock"),
            to_attr="active_variants",
        ),
    )


def products_for_sitemaps() -> QuerySet[Product]:
    """What a sitemap names of each product: its addresses, its last change and its photos. Not its
    variants: with 10,000 products, reading their 100,000 variants was most of a 14-second sitemap."""
    slugs = [f"slug_{language_code}" for language_code, _name in settings.LANGUAGES]
    return (
        published_products()
        .only("id", "updated_at", *slugs)
        .prefetch_related(
            Prefetch(
                "images",
                queryset=ProductImage.objects.order_by("position", "id"),
                to_attr="ordered_images",
            )
        )
    )


def collections_for_search_engines() -> QuerySet[Collection]:
    return published_collections()


@dataclass(frozen=True)
class FeedShipping:
    country: str
    service: str
    price: Money


@dataclass(frozen=True)
class FeedItem:
    """One variant as Google Merchant Center's product data specification names its attributes."""

    id: str
    item_group_id: str
    title: str
    description: str
    link: str
    image_link: str
    additional_image_links: list[str]
    availability: str
    price: Money
    brand: str
    gtin: str
    color: str
    size: str
    gender: str
    age_group: str
    condition: str
    google_product_category: str
    shipping: list[FeedShipping]
    # During a sale that announces a reduction: ``price`` is the reference (the lowest price of the
    # 30 days before it, as the Omnibus directive wants) and ``sale_price`` what is charged.
    sale_price: Money | None = None
    sale_price_effective_date: str = ""  # ISO 8601 interval, "start/end"


def _shipping_for(*, weight_grams: int, price: Money) -> list[FeedShipping]:
    options = shipping_options(country=SHIPPING_COUNTRY, weight_grams=weight_grams, subtotal_gross=price)
    return [
        FeedShipping(country=SHIPPING_COUNTRY, service=str(option.method.name), price=option.price.gross)
        for option in options
        if option.method.carrier != Carrier.PICKUP
    ]


def merchant_feed_items(*, base_url: str, brand: str, chunk: int = 200) -> Iterator[FeedItem]:
    """Every variant on sale of every published product, priced TTC by the public (retail) policy.

    Products are read ``chunk`` at a time with their variants and images: a catalogue of any size
    costs the memory of one chunk, and its items come as they are read.
    """
    policy = RetailPolicy()
    shipping_by_weight: dict[tuple[int, str], list[FeedShipping]] = {}
    product_ids = list(published_products().values_list("pk", flat=True))
    for start in range(0, len(product_ids), chunk):
        products = list(products_for_search_engines().filter(pk__in=product_ids[start : start + chunk]))
        policy.prepare(products=products)
        yield from _items_of(
            products, policy=policy, base_url=base_url, brand=brand, shipping_by_weight=shipping_by_weight
        )


def _items_of(
    products: list[Product],
    *,
    policy: RetailPolicy,
    base_url: str,
    brand: str,
    shipping_by_weight: dict[tuple[int, str], list[FeedShipping]],
) -> Iterator[FeedItem]:
    """The feed items of a chunk of products; ``shipping_by_weight`` remembers rates across chunks."""
    for product in products:
        images: list[ProductImage] = product.ordered_images  # type: ignore[attr-defined]
        product_url = base_url + product.get_absolute_url()
        for variant in product.active_variants:  # type: ignore[attr-defined]
            quote = policy.quote(variant=variant)
            in_colour = [image for image in images if image.colour_id == variant.colour_id] or images
            stock = getattr(variant, "stock", None)
            available = stock is not None and stock.available > 0
            # Shipping depends on weight and price: the same pair is priced once for the whole feed.
            key = (variant.weight_grams, str(quote.unit.gross.amount))
            if key not in shipping_by_weight:
                shipping_by_weight[key] = _shipping_for(
                    weight_grams=variant.weight_grams, price=quote.unit.gross
                )
            yield (
                FeedItem(
                    id=variant.sku,
                    item_group_id=f"P{product.pk}",
                    title=f"{product.name} – {variant.options_label}"
                    if variant.options_label
                    else str(product.name),
                    description=product.description or product.summary or str(product.name),
                    link=variant_url(product_url=product_url, variant=variant),
                    image_link=base_url + in_colour[0].fallback_url if in_colour else "",
                    additional_image_links=[base_url + image.fallback_url for image in in_colour[1:10]],
                    availability="in_stock" if available else "out_of_stock",
                    price=quote.reference_unit.gross if quote.reference_unit else quote.unit.gross,
                    sale_price=quote.unit.gross if quote.reference_unit else None,
                    sale_price_effective_date=(
                        f"{quote.sale_starts_at.isoformat()}/{quote.sale_ends_at.isoformat()}"
                        if quote.reference_unit and quote.sale_starts_at and quote.sale_ends_at
                        else ""
                    ),
                    brand=brand,
                    gtin=variant.ean13 or "",
                    color=str(variant.colour.name) if variant.colour is not None else "",
                    size=variant.size.label if variant.size is not None else "",
                    gender=product.gender,
                    age_group="adult",
                    condition="new",
                    google_product_category=GOOGLE_SHIRTS_CATEGORY,
                    shipping=shipping_by_weight[key],
                )
            )
