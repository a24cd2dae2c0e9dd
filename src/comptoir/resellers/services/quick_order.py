"""Quick order: lines of « SKU quantity » (or an EAN-13 instead of the SKU), pasted or uploaded.

Every bad line is named with its number (unknown code, bad quantity, not on sale, not enough stock) and
nothing reaches the draft until all lines are valid. The pieces add to what the draft already holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import ean

from comptoir.catalog.models import ProductStatus, Variant
from comptoir.inventory.selectors import available_quantities

from ..models import Buyer, DraftOrder, DraftOrderLine
from .draft_orders import MAX_CELL_QUANTITY

MAX_LINES = 500
MAX_FILE_BYTES = 100_000
# « SKU 12 », « SKU;12 », « SKU,12 », « SKU<tab>12 »: a spreadsheet's export reads too.
_LINE = re.compile(r"^\s*(?P<code>[^\s;,]+)\s*[\s;,]\s*(?P<quantity>\S+)\s*[;,]?\s*$")


class QuickOrderRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass(frozen=True, slots=True)
class QuickOrderAdded:
    lines: int
    pieces: int


def decode_upload(*, content: bytes) -> str:
    """A text or CSV file as text: UTF-8 (with or without BOM), else Latin-1 (old spreadsheet exports)."""
    if len(content) > MAX_FILE_BYTES:
        raise QuickOrderRefused([_("Le fichier dépasse 100 Ko : envoyez-le en plusieurs fois.")])
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("latin-1")


def add_quick_order_lines(*, buyer: Buyer, text: str) -> QuickOrderAdded:
    """Add every line to the company's draft, or raise ``QuickOrderRefused`` naming each bad line."""
    errors: list[tuple[int, str]] = []  # by line number, so the buyer reads them in the order of the paste
    wanted: list[tuple[int, str, str, int]] = []  # line number, line text, code, quantity
    rows = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if not rows:
        raise QuickOrderRefused([_("Collez au moins une ligne « référence quantité ».")])
    if len(rows) > MAX_LINES:
        raise QuickOrderRefused([_("%(maximum)d lignes au plus par envoi.") % {"maximum": MAX_LINES}])
    for number, raw in rows:
        match = _LINE.match(raw)
        if match is None:
            errors.append(
                (
                    number,
                    _("Ligne %(number)d (« %(line)s ») : écrivez la référence puis la quantité.")
                    % {"number": number, "line": raw},
                )
            )
            continue
        quantity_text = match["quantity"]
        if not quantity_text.isdecimal() or not 1 <= int(quantity_text) <= MAX_CELL_QUANTITY:
            errors.append(
                (
                    number,
                    _("Ligne %(number)d (« %(line)s ») : quantité invalide.")
                    % {"number": number, "line": raw},
                )
            )
            continue
        wanted.append((number, raw, match["code"], int(quantity_text)))

    variants = _variants_by_code(codes=[code for _number, _raw, code, _quantity in wanted])
    pieces: dict[int, int] = {}
    found: dict[int, Variant] = {}
    for number, raw, code, quantity in wanted:
        variant = variants.get(code.upper())
        if variant is None:
            errors.append(
                (
                    number,
                    _("Ligne %(number)d (« %(line)s ») : référence ou EAN inconnu.")
                    % {"number": number, "line": raw},
                )
            )
        elif not variant.is_active or variant.product.status != ProductStatus.PUBLISHED:
            errors.append(
                (
                    number,
                    _("Ligne %(number)d (« %(line)s ») : n'est plus en vente.")
                    % {"number": number, "line": raw},
                )
            )
        else:
            pieces[variant.pk] = pieces.get(variant.pk, 0) + quantity
            found[variant.pk] = variant

    in_draft = dict(
        DraftOrderLine.objects.filter(draft__company_id=buyer.company_id, variant_id__in=pieces).values_list(
            "variant_id", "quantity"
        )
    )
    available = available_quantities(variant_ids=pieces)
    today = timezone.localdate()
    for variant_id, quantity in pieces.items():
        if found[variant_id].product.is_open_for_preorder(today=today):
            continue  # a pre-order takes no current stock
        total = quantity + in_draft.get(variant_id, 0)
        if total > available.get(variant_id, 0):
            variant = found[variant_id]
            errors.append(
                (
                    MAX_LINES + 1,  # counted over the whole paste: after the lines' own errors
                    _(
                        "%(sku)s : %(available)s pièce(s) disponible(s), "
                        "%(wanted)s demandée(s) avec la commande en préparation."
                    )
                    % {"sku": variant.sku, "available": available.get(variant_id, 0), "wanted": total},
                )
            )
    if errors:
        raise QuickOrderRefused([message for _number, message in sorted(errors, key=lambda error: error[0])])

    with transaction.atomic():
        draft, _created = DraftOrder.objects.get_or_create(company_id=buyer.company_id)
        for variant_id, quantity in sorted(pieces.items()):
            line, created = DraftOrderLine.objects.get_or_create(
                draft=draft, variant_id=variant_id, defaults={"quantity": quantity}
            )
            if not created:
                line.quantity += quantity
                line.save(update_fields=["quantity"])
        draft.updated_by = buyer.user
        draft.save(update_fields=["updated_by", "updated_at"])
    return QuickOrderAdded(lines=len(pieces), pieces=sum(pieces.values()))


def _variants_by_code(*, codes: list[str]) -> dict[str, Variant]:
    """Variants by upper-cased SKU, and by EAN-13 for codes that are valid EAN-13s."""
    if not codes:
        return {}
    upper = {code.upper() for code in codes}
    eans = {code for code in codes if len(code) == 13 and ean.is_valid(code)}
    query = Q(sku__in=list(upper) + list(codes)) | Q(ean13__in=eans)
    variants: dict[str, Variant] = {}
    for variant in Variant.objects.filter(query).select_related("product"):
        variants[variant.sku.upper()] = variant
        if variant.ean13:
            variants[variant.ean13] = variant
    return variants
