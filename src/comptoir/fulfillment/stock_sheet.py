"""Stock and prices as a spreadsheet: export every variant, import the edited file back.

The import reads every row first (``read_stock_sheet``): each bad row is named, and nothing is
written unless all rows are valid. ``apply_stock_sheet`` then writes the whole file in one
transaction, locking the stock rows in variant order (the shop's one lock order) and re-checking
that no stock goes below what placed orders hold.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.catalog.models import Variant
from comptoir.core.page_cache import shop_pages_changed
from comptoir.inventory.models import MovementReason, StockRecord
from comptoir.inventory.movements import record_movements

if TYPE_CHECKING:
    from comptoir.accounts.models import User

COLUMNS = ["sku", "produit", "options", "prix_ttc", "stock", "emplacement"]


def export_stock_sheet() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    variants = Variant.objects.select_related("product", "size", "colour", "fit", "stock").order_by("sku")
    for variant in variants:
        stock = getattr(variant, "stock", None)
        writer.writerow(
            [
                variant.sku,
                variant.product.name,
                variant.options_label,
                f"{variant.retail_price:.2f}" if variant.retail_price is not None else "",
                stock.on_hand if stock else 0,
                stock.location if stock else "",
            ]
        )
    return out.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class SheetChange:
    variant: Variant
    retail_price: Decimal | None  # None: the product's price
    on_hand: int
    location: str
    old_price: Decimal | None
    old_on_hand: int
    old_location: str

    @property
    def changes_something(self) -> bool:
        return (self.retail_price, self.on_hand, self.location) != (
            self.old_price,
            self.old_on_hand,
            self.old_location,
        )


class SheetRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__(" ".join(messages))


def read_stock_sheet(*, content: bytes) -> list[SheetChange]:
    text = content.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = [column for column in ("sku", "prix_ttc", "stock") if column not in (reader.fieldnames or [])]
    if missing:
        raise SheetRefused([_("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)}])
    rows = list(reader)
    variants = {
        variant.sku: variant
        for variant in Variant.objects.select_related("stock", "product").filter(
            sku__in=[(row.get("sku") or "").strip() for row in rows]
        )
    }
    errors: list[str] = []
    changes: list[SheetChange] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        sku = (row.get("sku") or "").strip()
        variant = variants.get(sku)
        if variant is None:
            errors.append(_("Ligne %(line)d : référence « %(sku)s » inconnue.") % {"line": line, "sku": sku})
            continue
        if sku in seen:
            errors.append(
                _("Ligne %(line)d : la référence %(sku)s apparaît deux fois.") % {"line": line, "sku": sku}
            )
            continue
        seen.add(sku)
        price_text = (row.get("prix_ttc") or "").strip().replace(",", ".")
        try:
            price = Decimal(price_text) if price_text else None
        except InvalidOperation:
            price = Decimal("-1")
        if price is not None and (price <= 0 or price != price.quantize(Decimal("0.01"))):
            errors.append(
                _("Ligne %(line)d : prix « %(price)s » invalide.") % {"line": line, "price": price_text}
            )
            continue
        stock_text = (row.get("stock") or "").strip()
        if not stock_text.isdigit():
            errors.append(
                _("Ligne %(line)d : stock « %(stock)s » invalide.") % {"line": line, "stock": stock_text}
            )
            continue
        record = getattr(variant, "stock", None)
        reserved = record.reserved if record else 0
        if int(stock_text) < reserved:
            errors.append(
                _(
                    "Ligne %(line)d : %(sku)s a %(reserved)d pièce(s) réservée(s) par des commandes : "
                    "stock %(stock)s impossible."
                )
                % {"line": line, "sku": sku, "reserved": reserved, "stock": stock_text}
            )
            continue
        changes.append(
            SheetChange(
                variant=variant,
                retail_price=price,
                on_hand=int(stock_text),
                location=(row.get("emplacement") or "").strip()[:40],
                old_price=variant.retail_price,
                old_on_hand=record.on_hand if record else 0,
                old_location=(record.location if record else "") or "",
            )
        )
    if errors:
        raise SheetRefused(errors)
    return changes


def apply_stock_sheet(
    *, content: bytes, actor: User | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the whole sheet or nothing; returns how many variants changed.

    Shelf counts that change go to the stock's history as an import, with who imported.
    """
    changes = [change for change in read_stock_sheet(content=content) if change.changes_something]
    with transaction.atomic():
        records = {
            record.variant_id: record
            for record in StockRecord.objects.select_for_update()
            .filter(variant_id__in=[change.variant.pk for change in changes])
            .order_by("variant_id")
        }
        movements: list[tuple[int, int]] = []
        for done, change in enumerate(sorted(changes, key=lambda change: change.variant.pk), start=1):
            Variant.objects.filter(pk=change.variant.pk).update(retail_price=change.retail_price)
            record = records.get(change.variant.pk) or StockRecord(variant=change.variant)
            if change.on_hand < record.reserved:  # an order came in since the sheet was read
                raise SheetRefused(
                    [
                        _("%(sku)s : des commandes viennent de réserver des pièces ; relancez l'import.")
                        % {"sku": change.variant.sku}
                    ]
                )
            movements.append((change.variant.pk, change.on_hand - record.on_hand))
            record.on_hand, record.location = change.on_hand, change.location
            record.save()
            if progress is not None:
                progress(done, len(changes))
        record_movements(
            changes=movements,
            reason=MovementReason.IMPORT,
            actor=actor,
        )
        shop_pages_changed()  # prices were written with update(), which sends no signal
    return len(changes)
