"""The founder's Markdown made safe and rich: sanitised HTML, signed pull quotes, product mentions.

``render_markdown`` returns blocks: HTML chunks (sanitised by nh3) and the products mentioned with
``[[produit:slug]]``, in order. Each interface draws a product its own way (a card with live price
and availability on the shop, a table in an email), so no HTML of a product is built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from comptoir.catalog.models import Product
from comptoir.merchandising.selectors import product_by_slug

PRODUCT_TAG = re.compile(r"<p>\s*\[\[produit:([a-z0-9-]+)\]\]\s*</p>|\[\[produit:([a-z0-9-]+)\]\]")
# "> words\n>\n> — Name": the last paragraph of a quote that starts with a dash signs it.
SIGNED_QUOTE = re.compile(r"<p>[—–-]\s*(.+?)</p>\s*</blockquote>", re.S)
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "footer",
    "cite", "hr", "code", "pre",
}  # fmt: skip

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})


@dataclass(frozen=True)
class Block:
    html: SafeString | None = None
    product: Product | None = None


def sanitised_html(text: str) -> str:
    html = _markdown.render(text or "")
    html = SIGNED_QUOTE.sub(r"<footer>— <cite>\1</cite></footer></blockquote>", html)
    html = html.replace("<blockquote>", '<blockquote class="pull-quote">')
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "blockquote": {"class"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )


def render_markdown(text: str) -> list[Block]:
    html = sanitised_html(text)
    blocks: list[Block] = []
    position = 0
    for match in PRODUCT_TAG.finditer(html):
        if match.start() > position:
            blocks.append(Block(html=mark_safe(html[position : match.start()])))  # noqa: S308 - sanitised above
        product = product_by_slug(slug=match.group(1) or match.group(2))
        if product is not None:  # a product since withdrawn is left out, not shown broken
            blocks.append(Block(product=product))
        position = match.end()
    if position < len(html):
        blocks.append(Block(html=mark_safe(html[position:])))  # noqa: S308 - sanitised above
    return blocks


def mentioned_products(blocks: list[Block]) -> list[Product]:
    seen: dict[int, Product] = {}
    for block in blocks:
        if block.product is not None:
            seen.setdefault(block.product.pk, block.product)
    return list(seen.values())


def plain_text(text: str) -> str:
    """The Markdown as plain words (for descriptions and feeds)."""
    return re.sub(
        r"\s+", " ", nh3.clean(_markdown.render(PRODUCT_TAG.sub("", text or "")), tags=set())
    ).strip()
