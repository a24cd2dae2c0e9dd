"""Quick order: lines of « SKU quantity » (or an EAN-13 instead of the SKU), pasted or uploaded.

Every bad line is named with its number (unknown code, bad quantity, not on sale, not enough stock) and
nothing reaches the draft until all lines are valid. The pieces add to what the draft already holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import ean

from comptoir.catalog.models import Variant
from comptoir.inventory.selectors import available_quantities

from ..models import Buyer, DraftOrder, DraftOrderLine
from ..rules import RuleProblem
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


@dataclass(frozen=True, slots=True)
class CodedLine:
    """One line a buyer sent: its number, its text as written (for the message), a SKU or EAN-13, pieces."""

    number: int
    text: str
    code: str
    quantity: int


@dataclass(frozen=True, slots=True)
class ResolvedLines:
    pieces: dict[int, int]  # variant id → pieces, lines naming the same variant added up
    variants: dict[int, Variant]
    problems: list[RuleProblem]


def _line_problem(rule: str, message: str, *, number: int, text: str, code: str = "") -> RuleProblem:
    return RuleProblem(rule=rule, message=message % {"number": number, "line": text}, line=number, sku=code)


def resolve_coded_lines(*, lines: Sequence[CodedLine]) -> ResolvedLines:
    """Each line's variant by SKU or EAN-13; every unknown code, bad quantity or withdrawn product named."""
    problems: list[RuleProblem] = []
    valid: list[CodedLine] = []
    for line in lines:
        if not 1 <= line.quantity <= MAX_CELL_QUANTITY:
            problems.append(
                _line_problem(
                    "invalid_quantity",
                    _("Ligne %(number)d (« %(line)s ») : quantité invalide."),
                    number=line.number,
                    text=line.text,
                    code=line.code,
                )
            )
        else:
            valid.append(line)
    variants = _variants_by_code(codes=[line.code for line in valid])
    pieces: dict[int, int] = {}
    found: dict[int, Variant] = {}
    for line in valid:
        variant = variants.get(line.code.upper())
        if variant is None:
            problems.append(
                _line_problem(
                    "unknown_code",
                    _("Ligne %(number)d (« %(line)s ») : référence ou EAN inconnu."),
                    number=line.number,
                    text=line.text,
                    code=line.code,
                )
            )
        elif not variant.is_sellable:
            problems.append(
                _line_problem(
                    "not_on_sale",
                    _("Ligne %(number)d (« %(line)s ») : n'est plus en vente."),
                    number=line.number,
                    text=line.text,
                    code=line.code,
                )
            )
        elif variant.product.is_gift_card:
            problems.append(
                _line_problem(
                    "gift_card",
                    _(
                        "Ligne %(number)d (« %(line)s ») : une carte cadeau, réservée aux particuliers "
                        "sur la boutique, ne se commande pas en gros."
                    ),
                    number=line.number,
                    text=line.text,
                    code=line.code,
                )
            )
        else:
            pieces[variant.pk] = pieces.get(variant.pk, 0) + line.quantity
            found[variant.pk] = variant
    return ResolvedLines(pieces=pieces, variants=found, problems=problems)


def add_quick_order_lines(*, buyer: Buyer, text: str) -> QuickOrderAdded:
    """Add every line to the company's draft, or raise ``QuickOrderRefused`` naming each bad line."""
    problems: list[RuleProblem] = []
    coded: list[CodedLine] = []
    rows = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if not rows:
        raise QuickOrderRefused([_("Collez au moins une ligne « référence quantité ».")])
    if len(rows) > MAX_LINES:
        raise QuickOrderRefused([_("%(maximum)d lignes au plus par envoi.") % {"maximum": MAX_LINES}])
    for number, raw in rows:
        match = _LINE.match(raw)
        if match is None:
            problems.append(
                _line_problem(
                    "format",
                    _("Ligne %(number)d (« %(line)s ») : écrivez la référence puis la quantité."),
                    number=number,
                    text=raw,
                )
            )
            continue
        quantity_text = match["quantity"]
        if not quantity_text.isdecimal() or not 1 <= int(quantity_text) <= MAX_CELL_QUANTITY:
            problems.append(
                _line_problem(
                    "invalid_quantity",
                    _("Ligne %(number)d (« %(line)s ») : quantité invalide."),
                    number=number,
                    text=raw,
                )
            )
            continue
        coded.append(CodedLine(number=number, text=raw, code=match["code"], quantity=int(quantity_text)))

    resolved = resolve_coded_lines(lines=coded)
    problems.extend(resolved.problems)
    pieces, found = resolved.pieces, resolved.variants
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
            problems.append(
                RuleProblem(
                    rule="stock",
                    message=_(
                        "%(sku)s : %(available)s pièce(s) disponible(s), "
                        "%(wanted)s demandée(s) avec la commande en préparation."
                    )
                    % {"sku": variant.sku, "available": available.get(variant_id, 0), "wanted": total},
                    variant_id=variant_id,
                    sku=variant.sku,
                )
            )
    if problems:
        # By line number, so the buyer reads them in the order of the paste; the stock, counted over
        # the whole paste, after the lines' own problems.
        ordered = sorted(problems, key=lambda problem: problem.line or MAX_LINES + 1)
        raise QuickOrderRefused([problem.message for problem in ordered])

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
