"""Build the demo shop: Maison Lavande's catalogue, its stock, its pictures and the founder's login.

Safe to run again: the catalogue is built once, in one transaction, and never touched afterwards
(whatever the founder has changed stays changed); the staff user is created if missing, and its
password is never reset.
"""

from __future__ import annotations

import os
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from stdnum import ean

from comptoir.catalog.models import (
    Collection,
    CollectionProduct,
    Colour,
    Fit,
    Product,
    ProductImage,
    ProductStatus,
    Size,
    SizeGuide,
    SizeScale,
    Variant,
)
from comptoir.core.page_cache import shop_pages_changed
from comptoir.core.renditions import RENDITION_NAMES
from comptoir.inventory.models import StockRecord

from .. import catalogue_data as data
from ..images import IMAGE_SIZE, Fabric, ShirtStyle, View, render_shirt

LARGEST_SIZE_SUPPLEMENT = Decimal("10.00")
AISLES = {"male": "A", "female": "B", "unisex": "C"}


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


@dataclass(frozen=True)
class DemoShopReport:
    catalogue_built: bool  # False: a catalogue was already there and was left alone
    staff_user_created: bool
    products: int
    published_products: int
    variants_on_sale: int  # active variants of published products
    collections: int
    images: int
    seconds: float


@dataclass(frozen=True)
class _Taxonomy:
    colours: dict[str, Colour]
    fits: dict[str, Fit]
    sizes: dict[str, list[Size]]  # by size range, in order
    guides: dict[str, SizeGuide]
    collections: dict[str, Collection]


def build_demo_shop(
    *,
    stdout: Writer | None = None,
    with_images: bool = True,
    image_size: tuple[int, int] = IMAGE_SIZE,
    now: datetime | None = None,
) -> DemoShopReport:
    """Create the demo catalogue if the shop has none, and make sure the founder can log in.

    ``with_images=False`` or a small ``image_size`` make it quicker (tests); the shop itself uses
    the defaults.
    """
    started = time.perf_counter()
    staff_user_created = _ensure_staff_user()
    with translation.override(settings.LANGUAGE_CODE):
        catalogue_built = _build_catalogue(
            with_images=with_images, image_size=image_size, now=now or timezone.now(), stdout=stdout
        )
    shop_pages_changed()  # bulk_create sends no signal: pages cached before must go
    return DemoShopReport(
        catalogue_built=catalogue_built,
        staff_user_created=staff_user_created,
        products=Product.objects.count(),
        published_products=Product.objects.sellable().count(),
        variants_on_sale=Variant.objects.sellable().count(),
        collections=Collection.objects.count(),
        images=ProductImage.objects.count(),
        seconds=time.perf_counter() - started,
    )


def _ensure_staff_user() -> bool:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=data.STAFF_EMAIL,
        defaults={
            "first_name": data.STAFF_FIRST_NAME,
            "last_name": data.STAFF_LAST_NAME,
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        user.set_password(data.STAFF_PASSWORD)
        user.save(update_fields=["password"])
    return created


def _build_catalogue(
    *, with_images: bool, image_size: tuple[int, int], now: datetime, stdout: Writer | None
) -> bool:
    written_files: list[str] = []
    try:
        with transaction.atomic():
            # Checked inside the transaction: on SQLite (IMMEDIATE) a second run waits for the first.
            if Product.objects.exists():
                return False
            taxonomy = _create_taxonomy()
            products = _create_products(taxonomy, now)
            _create_variants(products, taxonomy)
            if with_images:
                _say(stdout, "Dessin des photos produits…")
                _create_images(products, taxonomy, image_size, written_files)
    except BaseException:
        # The rows are rolled back; the files written so far would be orphans.
        for name in written_files:
            default_storage.delete(name)
        raise
    return True


def _say(stdout: Writer | None, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


def _create_taxonomy() -> _Taxonomy:
    colours = {
        colour.slug: Colour.objects.create(
            slug=colour.slug,
            name_fr=colour.name_fr,
            name_en=colour.name_en,
            hex_code=colour.hex_code,
            position=index,
        )
        for index, colour in enumerate(data.COLOURS)
    }
    fits = {
        fit.slug: Fit.objects.create(slug=fit.slug, name_fr=fit.name_fr, name_en=fit.name_en, position=index)
        for index, fit in enumerate(data.FITS)
    }
    sizes_by_scale: dict[str, dict[str, Size]] = {}
    for scale_data in data.SIZE_SCALES:
        scale = SizeScale.objects.create(name=scale_data.name)
        sizes_by_scale[scale_data.key] = {
            size.label: Size.objects.create(scale=scale, label=size.label, slug=size.slug, position=index)
            for index, size in enumerate(scale_data.sizes)
        }
    sizes = {
        range_name: [sizes_by_scale[scale_key][label] for label in labels]
        for range_name, (scale_key, labels) in data.SIZE_RANGES.items()
    }
    guides = {
        guide.key: SizeGuide.objects.create(
            name_fr=guide.name_fr,
            name_en=guide.name_en,
            introduction_fr=guide.introduction_fr,
            introduction_en=guide.introduction_en,
            table_fr=guide.table_fr,
            table_en=guide.table_en,
        )
        for guide in data.SIZE_GUIDES
    }
    collections = {
        collection.key: Collection.objects.create(
            name_fr=collection.name_fr,
            name_en=collection.name_en,
            slug_fr=collection.slug_fr,
            slug_en=collection.slug_en,
            description_fr=collection.description_fr,
            description_en=collection.description_en,
            is_featured=collection.is_featured,
            position=index,
        )
        for index, collection in enumerate(data.COLLECTIONS)
    }
    return _Taxonomy(colours=colours, fits=fits, sizes=sizes, guides=guides, collections=collections)


def _create_products(taxonomy: _Taxonomy, now: datetime) -> list[tuple[Product, data.ProductData]]:
    products = []
    for index, item in enumerate(data.PRODUCTS):
        cloth = data.CLOTHS[item.cloth]
        published_at = None
        if item.status != ProductStatus.DRAFT:
            # spread over the day too, so that "newest first" has no ties
            published_at = now - timedelta(days=item.days_since_published, hours=index % 9, minutes=7 * index)
        product = Product.objects.create(
            name_fr=item.name_fr,
            name_en=item.name_en,
            slug_fr=item.slug_fr,
            slug_en=item.slug_en,
            summary_fr=item.summary_fr,
            summary_en=item.summary_en,
            description_fr=item.description_fr,
            description_en=item.description_en,
            composition_fr=cloth.composition_fr,
            composition_en=cloth.composition_en,
            care_fr=cloth.care_fr,
            care_en=cloth.care_en,
            status=item.status,
            gender=item.gender,
            is_new=item.is_new,
            is_best_seller=item.is_best_seller,
            retail_price=Decimal(item.price),
            vat_rate=Decimal("0.20"),
            size_guide=taxonomy.guides[item.size_range],
            position=index * 10,
            published_at=published_at,
        )
        products.append((product, item))

    for key, collection in taxonomy.collections.items():
        members = [(product, item) for product, item in products if key in item.collections]
        if key == "new":
            members.sort(key=lambda pair: pair[1].days_since_published)
        CollectionProduct.objects.bulk_create(
            CollectionProduct(collection=collection, product=product, position=position)
            for position, (product, _item) in enumerate(members)
        )
    return products


def _create_variants(products: list[tuple[Product, data.ProductData]], taxonomy: _Taxonomy) -> None:
    colour_codes = {colour.slug: colour.code for colour in data.COLOURS}
    variants: list[Variant] = []
    stock: list[StockRecord] = []
    shelves: dict[str, int] = {}
    serial = 0
    for product, item in products:
        # Seeded per product: the same stock every run, and editing one product moves no other.
        rng = random.Random(item.code)
        aisle = AISLES[item.gender]
        shelves[aisle] = shelves.get(aisle, 0) + 1
        location = f"{aisle}-{shelves[aisle]:02d}"
        sizes = taxonomy.sizes[item.size_range]
        weight = data.CLOTHS[item.cloth].weight_grams
        for colour_slug in item.colours:
            for size_index, size in enumerate(sizes):
                serial += 1
                first_twelve = f"{data.EAN_PREFIX}{serial:04d}"
                is_largest = size_index == len(sizes) - 1
                variant = Variant(
                    product=product,
                    size=size,
                    colour=taxonomy.colours[colour_slug],
                    fit=taxonomy.fits[item.fit],
                    sku=f"ML-{item.code}-{colour_codes[colour_slug]}-{size.label}",
                    ean13=first_twelve + ean.calc_check_digit(first_twelve),
                    weight_grams=weight + (size_index - len(sizes) // 2) * 8,
                    retail_price=(
                        Decimal(item.price) + LARGEST_SIZE_SUPPLEMENT
                        if item.larger_sizes_cost_more and is_largest
                        else None
                    ),
                    is_active=item.status != ProductStatus.ARCHIVED,
                )
                variants.append(variant)
                on_hand = _on_hand(
                    rng,
                    is_edge_size=size_index in (0, len(sizes) - 1),
                    is_sold_out=colour_slug in item.sold_out_colours or item.status == ProductStatus.ARCHIVED,
                )
                stock.append(StockRecord(variant=variant, on_hand=on_hand, location=location))
    Variant.objects.bulk_create(variants, batch_size=200)
    StockRecord.objects.bulk_create(stock, batch_size=200)


def _on_hand(rng: random.Random, *, is_edge_size: bool, is_sold_out: bool) -> int:
    """Mostly comfortable stock, some sizes gone or nearly, the smallest and largest sizes thinner."""
    if is_sold_out:
        return 0
    draw = rng.random()
    if draw < 0.06:
        return 0
    if draw < 0.14:
        return rng.randint(1, 3)
    return rng.randint(4, 12) if is_edge_size else rng.randint(5, 30)


@dataclass(frozen=True)
class _PictureJob:
    image: ProductImage  # not saved yet
    filename: str
    style: ShirtStyle
    fabric: Fabric
    view: View


def _create_images(
    products: list[tuple[Product, data.ProductData]],
    taxonomy: _Taxonomy,
    image_size: tuple[int, int],
    written_files: list[str],
) -> None:
    """Two pictures per product and colour (front, detail), each with its renditions.

    Drawing and renditions are most of the build's time and touch no database, so they run in a
    few threads (Pillow releases the GIL while it resizes and encodes); the rows are then inserted
    in one go. ``bulk_create`` sends no ``post_save``: ImageKit does not make the renditions a
    second time, we make them here, explicitly.
    """
    colours = {colour.slug: colour for colour in data.COLOURS}
    jobs: list[_PictureJob] = []
    for product, item in products:
        for colour_index, colour_slug in enumerate(item.colours):
            colour = colours[colour_slug]
            alt_fr, alt_en = _alt_texts(item, colour)
            views = (
                (View.FRONT, "face", "vue de face", "front view"),
                (View.DETAIL, "detail", *item.detail),
            )
            for view_index, (view, file_suffix, caption_fr, caption_en) in enumerate(views):
                image = ProductImage(
                    product=product,
                    colour=taxonomy.colours[colour_slug],
                    alt_text_fr=f"{alt_fr}, {caption_fr}",
                    alt_text_en=f"{alt_en}, {caption_en}",
                    position=colour_index * 2 + view_index,
                )
                filename = f"{item.slug_fr}-{colour.slug}-{file_suffix}.jpg"
                jobs.append(_PictureJob(image, filename, item.style, colour.fabric, view))

    def draw_and_store(job: _PictureJob) -> ProductImage:
        picture = render_shirt(style=job.style, fabric=job.fabric, view=job.view, size=image_size)
        # The content needs a name: Django reads the width and height from it only if it has one.
        job.image.image.save(job.filename, ContentFile(picture, name=job.filename), save=False)
        written_files.append(job.image.image.name or "")
        for rendition in RENDITION_NAMES:
            cache_file = getattr(job.image, rendition)
            written_files.append(cache_file.name)
            cache_file.generate()
        return job.image

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        images = list(pool.map(draw_and_store, jobs))
    ProductImage.objects.bulk_create(images, batch_size=200)


def _alt_texts(item: data.ProductData, colour: data.ColourData) -> tuple[str, str]:
    """« Chemise Gaspard en Oxford, coloris bleu ciel », unless the name already says the colour."""
    alt_fr, alt_en = item.name_fr, item.name_en
    if colour.name_fr.lower() not in item.name_fr.lower():
        alt_fr = f"{item.name_fr}, coloris {colour.name_fr.lower()}"
    if colour.name_en.lower() not in item.name_en.lower():
        alt_en = f"{item.name_en} in {colour.name_en.lower()}"
    return alt_fr, alt_en
