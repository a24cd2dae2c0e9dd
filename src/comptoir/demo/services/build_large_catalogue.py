"""A catalogue the size of a big brand's, on top of the demo shop: for benchmarks, never for a real shop.

Ten thousand products of ten variants each, spread over the demo's collections, written with
``bulk_create`` in large batches (no signal, no per-row ``save``): a minute, not an hour. The products
reuse the demo's sizes, colours and size guides; they have no photos (pages show the placeholder).
"""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from comptoir.catalog.models import (
    Collection,
    CollectionProduct,
    Colour,
    Product,
    ProductStatus,
    Size,
    Variant,
)
from comptoir.core.page_cache import shop_pages_changed
from comptoir.inventory.models import StockRecord

SKU_PREFIX = "BULK"
BATCH_SIZE = 2_000
WORDS = ("oxford", "popeline", "lin", "flanelle", "chambray", "denim", "seersucker", "twill", "voile")


@dataclass(frozen=True, slots=True)
class LargeCatalogueReport:
    products: int
    variants: int
    seconds: float
    already_there: bool


def build_large_catalogue(*, products: int = 10_000, variants_per_product: int = 10) -> LargeCatalogueReport:
    """Add ``products`` published products of ``variants_per_product`` variants (colour × size) each.

    Needs the demo shop's taxonomy (``manage.py demo_shop``). Run twice, it adds nothing the second time.
    """
    started = time.perf_counter()
    if Variant.objects.filter(sku__startswith=f"{SKU_PREFIX}-").exists():
        return LargeCatalogueReport(
            products=Product.objects.filter(slug__startswith="essai-").count(),
            variants=Variant.objects.filter(sku__startswith=f"{SKU_PREFIX}-").count(),
            seconds=time.perf_counter() - started,
            already_there=True,
        )
    sizes = _one_size_run()
    colours = list(Colour.objects.order_by("id"))
    options = list(itertools.product(colours, sizes))[:variants_per_product]
    if len(options) < variants_per_product:
        raise ValueError(f"The shop's colours and sizes make only {len(options)} variants per product.")
    collections = list(Collection.objects.filter(is_published=True).order_by("id"))
    if not collections:
        raise ValueError("The shop has no published collection: run `manage.py demo_shop` first.")
    rng = random.Random(10_000)  # the same catalogue every run
    now = timezone.now()
    with transaction.atomic():
        created = Product.objects.bulk_create(
            (_product(number, rng=rng, now=now) for number in range(1, products + 1)), batch_size=BATCH_SIZE
        )
        CollectionProduct.objects.bulk_create(
            (
                CollectionProduct(
                    collection=collections[index % len(collections)], product=product, position=1000 + index
                )
                for index, product in enumerate(created)
            ),
            batch_size=BATCH_SIZE,
        )
        variants = Variant.objects.bulk_create(
            (
                Variant(
                    product=product,
                    colour=colour,
                    size=size,
                    sku=f"{SKU_PREFIX}-{number:05d}-{option:02d}",
                    weight_grams=300,
                )
                for number, product in enumerate(created, start=1)
                for option, (colour, size) in enumerate(options)
            ),
            batch_size=BATCH_SIZE,
        )
        StockRecord.objects.bulk_create(
            (StockRecord(variant=variant, on_hand=rng.choice((0, 2, 5, 8, 12, 20))) for variant in variants),
            batch_size=BATCH_SIZE,
        )
        shop_pages_changed()  # bulk_create sends no signal
    return LargeCatalogueReport(
        products=len(created),
        variants=len(variants),
        seconds=time.perf_counter() - started,
        already_there=False,
    )


def _one_size_run() -> list[Size]:
    """The longest run of sizes the shop has (collar sizes in the demo)."""
    by_scale: dict[int, list[Size]] = {}
    for size in Size.objects.order_by("scale_id", "position", "id"):
        by_scale.setdefault(size.scale_id, []).append(size)
    return max(by_scale.values(), key=len, default=[])


def _product(number: int, *, rng: random.Random, now) -> Product:
    word = WORDS[number % len(WORDS)]
    return Product(
        name_fr=f"Chemise {word} d'essai n° {number:05d}",
        name_en=f"Trial {word} shirt no. {number:05d}",
        slug_fr=f"essai-{number:05d}",
        slug_en=f"trial-{number:05d}",
        summary_fr=f"Une chemise en {word} pour mesurer la boutique.",
        summary_en=f"A {word} shirt to measure the shop.",
        description_fr=f"Chemise de mesure en {word}, coupe droite, col boutonné.",
        description_en=f"A measuring shirt in {word}, straight cut, button-down collar.",
        status=ProductStatus.PUBLISHED,
        retail_price=Decimal(rng.choice(("79.00", "89.00", "95.00", "120.00"))),
        vat_rate=Decimal("0.20"),
        position=100_000 + number,
        published_at=now - timedelta(minutes=number),
    )
