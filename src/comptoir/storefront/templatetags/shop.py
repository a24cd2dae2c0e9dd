from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from comptoir.catalog.models import Product, ProductImage
from comptoir.core.money import Money, TaxedMoney, format_money
from comptoir.core.renditions import Picture
from comptoir.pricing.policy import PriceQuote

register = template.Library()


@register.filter
def money(value: Money | None) -> str:
    """``95,00 €`` in French, ``€95.00`` in English."""
    return "" if value is None else format_money(value)


@register.simple_tag(takes_context=True)
def shown_price(context: dict[str, Any], price: TaxedMoney | None) -> str:
    """A cart, checkout or order amount as the customer's policy shows prices: TTC, or HT for resellers."""
    if price is None:
        return ""
    policy = context.get("pricing_policy")
    return money(price.gross if policy is None or policy.prices_include_tax else price.net)


@register.simple_tag(takes_context=True)
def listing_quote(context: dict[str, Any], product: Product) -> PriceQuote:
    """The card price of a product, from the customer's pricing policy."""
    return context["pricing_policy"].listing_quote(product=product)


@register.inclusion_tag("storefront/partials/picture.html")
def picture(
    image: ProductImage | Picture | None,
    sizes: str = "100vw",
    loading: str = "lazy",
    css_class: str = "",
    alt: str | None = None,
) -> dict:
    """A responsive <picture>: WebP renditions, JPEG fallback, intrinsic size, lazy below the fold.

    ``alt=""`` for an image beside words that already say it (a card's link hidden from screen readers).
    """
    if not image:  # None, or "" for a template variable that did not resolve (a product without photos)
        return {"image": None}
    return {
        "image": image,
        "alt": image.alt_text if alt is None else alt,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
    }


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (``None`` removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def quantity_range(maximum: int) -> range:
    """1 … maximum, for a quantity menu."""
    return range(1, int(maximum) + 1)


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: Any) -> str:
    """A JSON-LD block, escaped so that no text in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def mention_availability(product: Product) -> bool:
    """Whether any size of a product mentioned in a text can still be bought (from its prefetched stock)."""
    for variant in getattr(product, "active_variants", []):
        stock = getattr(variant, "stock", None)
        if stock is not None and stock.available > 0:
            return True
    return False


@register.filter
def stars(rating: object) -> str:
    """★★★★☆ for 4 (or 4.3): the rounded rating drawn with five stars."""
    try:
        full = max(0, min(5, round(float(str(rating)))))
    except ValueError:
        return ""
    return "★" * full + "☆" * (5 - full)
