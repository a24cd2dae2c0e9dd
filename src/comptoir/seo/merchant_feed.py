"""The Google Merchant Center feed, built in the background and served as a file.

Every variant is an item: 100,000 with a catalogue of 10,000 products, a 100 MB document that took 44 s
and 1.3 GB to make in a web request (longer than a worker may take). So the feed is written by a job
(``build_merchant_feed``: Celery's worker when Redis is there, the process otherwise), reading products
a chunk at a time and writing items as they come, into a file of the media storage (the disk, or S3
when several machines serve the shop). The file remembers the pages' generation it was made under
(core/page_cache.py): once the catalogue, a price or a stock level changes, the next fetch asks for a
new one and is served the previous one meanwhile.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from comptoir.core.money import Money
from comptoir.core.page_cache import pages_generation
from comptoir.shop.profile import current_profile

from .catalogue import FeedItem, merchant_feed_items

FOLDER = "feeds"
BUILD_SECONDS_AT_MOST = 15 * 60  # a build claimed longer ago than this is taken over


@dataclass(frozen=True, slots=True)
class StoredFeed:
    name: str  # in the media storage
    generation: int  # the pages' generation the feed was built under


def _stored_key(language: str) -> str:
    return f"comptoir:merchant-feed:{language}"


def _building_key(language: str) -> str:
    return f"comptoir:merchant-feed:{language}:building"


def stored_merchant_feed(*, language: str) -> StoredFeed | None:
    """The latest feed built in ``language``, if its file is still there."""
    stored = cache.get(_stored_key(language))
    if stored is None or not default_storage.exists(stored.name):
        return None
    return stored


def is_current(feed: StoredFeed | None) -> bool:
    return feed is not None and feed.generation == pages_generation()


def claim_build(*, language: str) -> bool:
    """True for the one caller who should ask for a new feed; the others are served the previous one."""
    return cache.add(_building_key(language), True, timeout=BUILD_SECONDS_AT_MOST)


def build_merchant_feed(*, language: str, base_url: str, description: str) -> None:
    """The job: write the feed into a new file, make it the current one, remove the older ones."""
    generation = pages_generation()  # read first: a change during the build asks for another one
    try:
        with tempfile.TemporaryFile() as written:
            with translation.override(language):
                write_merchant_feed(written, base_url=base_url, description=description)
            written.seek(0)
            name = default_storage.save(
                f"{FOLDER}/google-merchant-{language}-{uuid.uuid4().hex}.xml", File(written)
            )
        cache.set(_stored_key(language), StoredFeed(name=name, generation=generation), timeout=None)
        _remove_older_feeds(language=language, keep=name)
    finally:
        cache.delete(_building_key(language))


def _remove_older_feeds(*, language: str, keep: str) -> None:
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for file_name in files:
        name = f"{FOLDER}/{file_name}"
        if file_name.startswith(f"google-merchant-{language}-") and name != keep:
            default_storage.delete(name)


def write_merchant_feed(out: IO[bytes], *, base_url: str, description: str) -> int:
    """The RSS 2.0 document Merchant Center reads, in the active language; returns the items written."""
    out.write(
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n'
            f"  <title>{escape(current_profile().shop_name)}</title>\n"
            f"  <link>{escape(base_url + reverse('storefront:home'))}</link>\n"
            f"  <description>{escape(description)}</description>\n"
        ).encode()
    )
    count = 0
    for item in merchant_feed_items(base_url=base_url, brand=current_profile().shop_name):
        out.write(_item_xml(item).encode())
        count += 1
    out.write(b"</channel>\n</rss>\n")
    return count


def _money(amount: Money) -> str:
    return f"{amount.amount:.2f} {amount.currency}"


def _tags(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f"    <g:{name}>{escape(value)}</g:{name}>\n" for name, value in pairs)


def _item_xml(item: FeedItem) -> str:
    """One variant, attributes named as in Google's product data specification."""
    pairs: list[tuple[str, str]] = [
        ("id", item.id),
        ("item_group_id", item.item_group_id),
        ("title", item.title),
        ("description", item.description),
        ("link", item.link),
    ]
    if item.image_link:
        pairs.append(("image_link", item.image_link))
    pairs += [("additional_image_link", link) for link in item.additional_image_links]
    pairs += [("availability", item.availability), ("price", _money(item.price))]
    if item.sale_price is not None:
        pairs += [
            ("sale_price", _money(item.sale_price)),
            ("sale_price_effective_date", item.sale_price_effective_date),
        ]
    pairs.append(("brand", item.brand))
    pairs.append(("gtin", item.gtin) if item.gtin else ("identifier_exists", "no"))
    pairs += [("condition", item.condition), ("google_product_category", item.google_product_category)]
    if item.color:
        pairs.append(("color", item.color))
    if item.size:
        pairs.append(("size", item.size))
    pairs += [("gender", item.gender), ("age_group", item.age_group)]
    shipping = "".join(
        "    <g:shipping>\n"
        f"      <g:country>{escape(option.country)}</g:country>\n"
        f"      <g:service>{escape(option.service)}</g:service>\n"
        f"      <g:price>{_money(option.price)}</g:price>\n"
        "    </g:shipping>\n"
        for option in item.shipping
    )
    return f"  <item>\n{_tags(pairs)}{shipping}  </item>\n"
