"""A campaign's Markdown turned into safe HTML, with product blocks showing live price and photo."""

from __future__ import annotations

import re

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from comptoir.core.money import format_money
from comptoir.merchandising.selectors import product_by_slug
from comptoir.pricing.policy import RetailPolicy

from .emails import absolute
from .models import Campaign

PRODUCT_TAG = re.compile(r"\[\[produit:([a-z0-9-]+)\]\]")
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})


def render_campaign(*, campaign: Campaign) -> SafeString:
    """Markdown (no raw HTML), sanitised by nh3, then each [[produit:slug]] replaced by its card."""
    html = nh3.clean(_markdown.render(campaign.body))
    return mark_safe(PRODUCT_TAG.sub(lambda match: _product_block(match.group(1)), html))  # noqa: S308


def _product_block(slug: str) -> str:
    product = product_by_slug(slug=slug)
    if product is None:
        return ""  # a product since withdrawn: the block is left out rather than broken
    images = product.ordered_images  # type: ignore[attr-defined]
    quote = RetailPolicy().listing_quote(product=product)
    return render_to_string(
        "marketing/emails/product_block.html",
        {
            "product": product,
            "url": absolute(product.get_absolute_url()),
            "image_url": absolute(images[0].fallback_url) if images else "",
            "image_alt": images[0].alt_text if images else "",
            "price": format_money(quote.displayed_unit),
            "is_from_price": quote.is_from_price,
        },
    )
