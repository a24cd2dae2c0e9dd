"""JSON-LD for search engines: the shop, its products with every variant, and the way to each page.

Public retail prices only (``RetailPolicy``, never the visitor's policy): a wholesale price can never
reach a search engine. Google's merchant-listing properties are filled from live data: price,
availability, GTIN, size and colour per variant, shipping to France and the 14-day return policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from comptoir.catalog.models import Product, ProductImage, Variant
from comptoir.core.money import Money
from comptoir.pricing.policy import RetailPolicy
from comptoir.shipping.models import Carrier
from comptoir.shipping.selectors import shipping_options

SCHEMA = "https://schema.org"
RETURN_DAYS = 14
HANDLING_DAYS = (0, 1)
TRANSIT_DAYS = (1, 3)
SHIPPING_COUNTRY = "FR"


def organization_and_website(*, base_url: str, shop_name: str, home_url: str, search_url: str) -> list[dict]:
    home = base_url + home_url
    return [
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "@id": f"{home}#organization",
            "name": shop_name,
            "url": home,
        },
        {
            "@context": SCHEMA,
            "@type": "WebSite",
            "@id": f"{home}#website",
            "name": shop_name,
            "url": home,
            "publisher": {"@id": f"{home}#organization"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{base_url}{search_url}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]


def breadcrumb_list(*, base_url: str, trail: Sequence[tuple[str, str]]) -> dict:
    """``trail``: (name, path) from the home page to the current page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": base_url + path}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def _available(variant: Variant) -> int:
    stock = getattr(variant, "stock", None)
    return stock.available if stock is not None else 0


def _image_for(variant: Variant, images: Sequence[ProductImage]) -> ProductImage | None:
    in_colour = [image for image in images if image.colour_id and image.colour_id == variant.colour_id]
    candidates = in_colour or list(images)
    return candidates[0] if candidates else None


def _shipping_details(*, weight_grams: int, price: Money) -> list[dict]:
    options = shipping_options(country=SHIPPING_COUNTRY, weight_grams=weight_grams, subtotal_gross=price)
    # Delivered to the door; collection in person is not shipping.
    shipped = [option for option in options if option.method.carrier != Carrier.PICKUP]
    delivered = [option for option in shipped if not option.requires_pickup_point] or shipped
    if not delivered:
        return []
    cheapest = min(delivered, key=lambda option: option.price.gross.amount)
    return [
        {
            "@type": "OfferShippingDetails",
            "shippingRate": {
                "@type": "MonetaryAmount",
                "value": f"{cheapest.price.gross.amount:.2f}",
                "currency": cheapest.price.currency,
            },
            "shippingDestination": {"@type": "DefinedRegion", "addressCountry": SHIPPING_COUNTRY},
            "deliveryTime": {
                "@type": "ShippingDeliveryTime",
                "handlingTime": _days(*HANDLING_DAYS),
                "transitTime": _days(*TRANSIT_DAYS),
            },
        }
    ]


def _days(low: int, high: int) -> dict:
    return {"@type": "QuantitativeValue", "minValue": low, "maxValue": high, "unitCode": "DAY"}


RETURN_POLICY = {
    "@type": "MerchantReturnPolicy",
    "applicableCountry": SHIPPING_COUNTRY,
    "returnPolicyCategory": f"{SCHEMA}/MerchantReturnFiniteReturnWindow",
    "merchantReturnDays": RETURN_DAYS,
    "returnMethod": f"{SCHEMA}/ReturnByMail",
    "returnFees": f"{SCHEMA}/ReturnFeesCustomerResponsibility",
}


def variant_url(*, product_url: str, variant: Variant) -> str:
    query = {}
    if variant.colour is not None:
        query["colour"] = variant.colour.slug
    if variant.size is not None:
        query["size"] = variant.size.slug
    return f"{product_url}?{urlencode(query)}" if query else product_url


def product_group(
    *,
    product: Product,
    variants: Sequence[Variant],
    images: Sequence[ProductImage],
    base_url: str,
    brand: str,
    rating: tuple[Any, int] | None = None,
) -> dict:
    """ProductGroup with one Product per variant on sale, each with its Offer (and the rating, if any)."""
    policy = RetailPolicy()
    product_url = base_url + product.get_absolute_url()
    heaviest = max((variant.weight_grams for variant in variants), default=0)
    base_price = policy.listing_quote(product=product).unit.gross if variants else Money(product.retail_price)
    shipping = _shipping_details(weight_grams=heaviest, price=base_price)
    varies_by = []
    if any(variant.size_id for variant in variants):
        varies_by.append(f"{SCHEMA}/size")
    if any(variant.colour_id for variant in variants):
        varies_by.append(f"{SCHEMA}/color")
    members = []
    for variant in variants:
        quote = policy.quote(variant=variant)
        url = variant_url(product_url=product_url, variant=variant)
        image = _image_for(variant, images)
        member: dict[str, Any] = {
            "@type": "Product",
            "name": f"{product.name} – {variant.options_label}"
            if variant.options_label
            else str(product.name),
            "sku": variant.sku,
            "url": url,
            "offers": {
                "@type": "Offer",
                "url": url,
                "price": f"{quote.unit.gross.amount:.2f}",
                "priceCurrency": quote.unit.currency,
                "availability": f"{SCHEMA}/{'InStock' if _available(variant) > 0 else 'OutOfStock'}",
                "itemCondition": f"{SCHEMA}/NewCondition",
                "shippingDetails": shipping,
                "hasMerchantReturnPolicy": RETURN_POLICY,
            },
        }
        if quote.sale_ends_at is not None:
            member["offers"]["priceValidUntil"] = quote.sale_ends_at.date().isoformat()
        if quote.reference_unit is not None:
            # The struck-through price Google shows: the lowest of the 30 days before the sale.
            member["offers"]["priceSpecification"] = {
                "@type": "UnitPriceSpecification",
                "priceType": f"{SCHEMA}/StrikethroughPrice",
                "price": f"{quote.reference_unit.gross.amount:.2f}",
                "priceCurrency": quote.reference_unit.currency,
            }
        if variant.ean13:
            member["gtin13"] = variant.ean13
        if variant.size is not None:
            member["size"] = variant.size.label
        if variant.colour is not None:
            member["color"] = str(variant.colour.name)
        if image is not None:
            member["image"] = base_url + image.fallback_url
        members.append(member)
    group: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "ProductGroup",
        "name": str(product.name),
        "description": product.summary or product.description or str(product.name),
        "url": product_url,
        "productGroupID": f"P{product.pk}",
        "brand": {"@type": "Brand", "name": brand},
        "variesBy": varies_by,
        "hasVariant": members,
    }
    if images:
        group["image"] = [base_url + image.fallback_url for image in images[:4]]
    if rating is not None and rating[1] > 0:
        average, count = rating
        group["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": str(average),
            "reviewCount": count,
        }
    return group


def blog_posting(
    *, headline: str, url: str, description: str, published: Any, modified: Any, author: str, publisher: str,
    image_url: str = "",
) -> dict:  # fmt: skip
    """BlogPosting for a journal post, with its author and the shop as publisher."""
    posting: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "BlogPosting",
        "headline": headline[:110],
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "author": {"@type": "Person", "name": author},
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if image_url:
        posting["image"] = [image_url]
    return posting


def event_json_ld(
    *, name: str, url: str, description: str, starts: Any, ends: Any, place: str, address: str,
    organizer: str, is_full: bool, image_url: str = "",
) -> dict:  # fmt: skip
    """Event for one of the founder's evenings: free, in person, with its place and seats."""
    event: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": name,
        "description": description,
        "url": url,
        "startDate": starts.isoformat(),
        "endDate": ends.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": place, "address": address},
        "organizer": {"@type": "Organization", "name": organizer},
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": f"{SCHEMA}/{'SoldOut' if is_full else 'InStock'}",
            "url": url,
        },
    }
    if image_url:
        event["image"] = [image_url]
    return event
