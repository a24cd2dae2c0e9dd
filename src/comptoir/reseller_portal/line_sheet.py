"""The season's line sheet for a shop buyer: every product with its photo, sizes, colours, SKUs,
the company's wholesale price HT and the suggested retail price TTC — as a PDF and as CSV.

Drawn from live data through the company's pricing policy (the one price path), only for buyers of
an approved company (the views are ``buyer_required``): a line sheet never reaches anyone else.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from comptoir.catalog.models import Product, ProductImage, Variant
from comptoir.catalog.selectors import published_products
from comptoir.core.money import Money, format_money
from comptoir.pricing.wholesale import WholesalePolicy

CSV_COLUMNS = [
    "produit",
    "sku",
    "ean13",
    "couleur",
    "taille",
    "coupe",
    "prix_ht",
    "prix_conseille_ttc",
    "precommande_jusqu_au",
]


@dataclass
class SheetProduct:
    product: Product
    photo: str  # a file:// address WeasyPrint reads, or ""
    wholesale: str
    retail: str
    colours: list[str] = field(default_factory=list)
    sizes: list[str] = field(default_factory=list)
    variants: list[tuple[Variant, str, str]] = field(default_factory=list)  # variant, HT, TTC


def _products() -> list[Product]:
    return list(
        published_products()
        .exclude(is_gift_card=True)
        .prefetch_related("images", "variants__size", "variants__colour", "variants__fit")
        .order_by("position", "-id")
    )


def _photo(image: ProductImage | None) -> str:
    """The 480-pixel JPEG rendition (a line sheet of originals weighs megabytes), as a file address."""
    if image is None or not image.image:
        return ""
    for source in (image.jpeg_480, image.image):
        try:
            path = Path(source.path)
        except (OSError, ValueError):  # a rendition that cannot be made: fall back to the original
            continue
        if path.exists():
            return path.as_uri()
    return ""


def line_sheet(*, policy: WholesalePolicy) -> list[SheetProduct]:
    sheet = []
    products = _products()
    variants = [variant for product in products for variant in product.variants.all() if variant.is_active]
    policy.load_prices(variant_ids=[variant.pk for variant in variants])
    for product in products:
        active = [variant for variant in product.variants.all() if variant.is_active]
        if not active:
            continue
        photo = _photo(next(iter(product.images.all()), None))
        entry = SheetProduct(
            product=product,
            photo=photo,
            wholesale=format_money(policy.listing_quote(product=product).displayed_unit),
            retail=format_money(Money(product.retail_price)),
        )
        for variant in active:
            if variant.colour and str(variant.colour) not in entry.colours:
                entry.colours.append(str(variant.colour))
            if variant.size and variant.size.label not in entry.sizes:
                entry.sizes.append(variant.size.label)
            unit = policy.quote(variant=variant).displayed_unit
            retail = policy.suggested_retail_price(variant=variant)
            entry.variants.append((variant, format_money(unit), format_money(retail)))
        sheet.append(entry)
    return sheet


def line_sheet_pdf(*, policy: WholesalePolicy, company_name: str) -> bytes:
    html = render_to_string(
        "reseller_portal/line_sheet.html",
        {
            "products": line_sheet(policy=policy),
            "company_name": company_name,
            "shop_name": settings.SHOP_NAME,
            "printed_on": timezone.localdate(),
        },
    )
    return HTML(string=html).write_pdf()


def line_sheet_csv(*, policy: WholesalePolicy) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    products = _products()
    policy.load_prices(variant_ids=[variant.pk for product in products for variant in product.variants.all()])
    for product in products:
        for variant in product.variants.all():
            if not variant.is_active:
                continue
            unit = policy.quote(variant=variant).displayed_unit.amount
            writer.writerow(
                [
                    product.name,
                    variant.sku,
                    variant.ean13,
                    str(variant.colour or ""),
                    variant.size.label if variant.size else "",
                    str(variant.fit or ""),
                    f"{unit:.2f}".replace(".", ","),
                    f"{policy.suggested_retail_price(variant=variant).amount:.2f}".replace(".", ","),
                    product.preorder_cutoff.isoformat() if product.preorder_cutoff else "",
                ]
            )
    return out.getvalue().encode("utf-8-sig")
