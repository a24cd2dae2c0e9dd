"""Barcode labels for the shelf and the garments: an A4 sheet of 3 × 8 labels (70 × 37 mm, as sold)."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from comptoir.catalog.models import Variant
from comptoir.shop.profile import current_profile

from .barcodes import ean13_data_uri

MAX_LABELS = 2400  # a hundred sheets: a bigger print is a mistake, not a need


def label_sheet_pdf(*, labels: Sequence[tuple[Variant, int]]) -> bytes:
    """``labels``: (variant, copies). Variants without a valid EAN-13 get their SKU in large type."""
    items = []
    for variant, copies in labels:
        item = {"variant": variant, "barcode": ean13_data_uri(variant.ean13)}
        items.extend([item] * max(copies, 0))
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "fulfillment/labels.html",
            {"labels": items[:MAX_LABELS], "shop_name": current_profile().shop_name},
        )
    return HTML(string=html).write_pdf()
