"""A buyer fills a product's size × colour grid; the quantities go into the company's draft order.

A grid replaces that product's lines at once (0 or empty removes a cell), so submitting the same grid
twice gives the same draft. Every bad cell is named, and nothing changes until all cells are valid.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.catalog.models import Product, Variant
from comptoir.inventory.selectors import available_quantities

from ..models import Buyer, DraftOrder, DraftOrderLine, Prepack
from ..rules import RuleLine, RuleProblem, quantity_problems

MAX_CELL_QUANTITY = 9999


class GridRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


def set_grid_quantities(
    *,
    buyer: Buyer,
    product: Product,
    quantities: dict[int, int],
    packs: dict[tuple[int, int | None], int] | None = None,
) -> DraftOrder:
    """``quantities``: variant id → pieces wanted, for variants of ``product`` only.

    ``packs``: (prepack id, colour id) → packs wanted, each adding its ratio to that colour's sizes;
    the draft keeps only the resulting pieces per variant.
    """
    if not product.is_sellable:
        raise GridRefused([_("Ce produit n'est pas au catalogue.")])
    variants = {
        variant.pk: variant
        for variant in Variant.objects.filter(product=product, is_active=True).select_related(
            "product", "size", "colour"
        )
    }
    errors: list[str] = []
    unknown = [variant_id for variant_id in quantities if variant_id not in variants]
    if unknown:
        errors.append(_("Une case de la grille ne correspond à aucune variante de ce produit."))
    if packs:
        added, pack_problems = expand_packs(product=product, variants=variants, packs=packs)
        errors.extend(problem.message for problem in pack_problems)
        quantities = dict(quantities)
        for variant_id, pieces in added.items():
            quantities[variant_id] = max(quantities.get(variant_id, 0), 0) + pieces
    available = available_quantities(variant_ids=list(variants))
    # A pre-order takes no current stock: next season's pieces are not made yet.
    is_preorder = product.is_open_for_preorder(today=timezone.localdate())
    for variant_id, quantity in quantities.items():
        variant = variants.get(variant_id)
        if variant is None:
            continue
        if quantity < 0 or quantity > MAX_CELL_QUANTITY:
            errors.append(_("%(cell)s : quantité invalide.") % {"cell": variant.options_label or variant.sku})
        elif not is_preorder and quantity > available.get(variant_id, 0):
            errors.append(
                _("%(cell)s : %(available)s pièce(s) disponible(s), %(wanted)s demandée(s).")
                % {
                    "cell": variant.options_label or variant.sku,
                    "available": available.get(variant_id, 0),
                    "wanted": quantity,
                }
            )
    if not errors:
        errors = quantity_problems(
            lines=[
                RuleLine(variant=variants[variant_id], quantity=quantity)
                for variant_id, quantity in sorted(quantities.items())
                if quantity > 0
            ]
        )
    if errors:
        raise GridRefused(errors)
    with transaction.atomic():
        draft, _created = DraftOrder.objects.get_or_create(company_id=buyer.company_id)
        DraftOrderLine.objects.filter(draft=draft, variant__product=product).delete()
        DraftOrderLine.objects.bulk_create(
            [
                DraftOrderLine(draft=draft, variant_id=variant_id, quantity=quantity)
                for variant_id, quantity in sorted(quantities.items())
                if quantity > 0
            ]
        )
        draft.updated_by = buyer.user
        draft.save(update_fields=["updated_by", "updated_at"])
    return draft


def expand_packs(
    *, product: Product, variants: dict[int, Variant], packs: dict[tuple[int, int | None], int]
) -> tuple[dict[int, int], list[RuleProblem]]:
    """Pieces per variant that the packs add, and what is wrong with them (each pack named).

    ``variants``: the product's active variants by id; ``packs``: (prepack id, colour id) → packs.
    """
    prepacks = {
        prepack.pk: prepack
        for prepack in Prepack.objects.filter(product=product, is_active=True).prefetch_related("sizes__size")
    }
    by_cell = {(variant.colour_id, variant.size_id): variant for variant in variants.values()}
    added: dict[int, int] = {}
    problems: list[RuleProblem] = []
    for (prepack_id, colour_id), count in sorted(
        packs.items(), key=lambda item: (item[0][0], item[0][1] or 0)
    ):
        if count == 0:
            continue
        prepack = prepacks.get(prepack_id)
        if prepack is None:
            problems.append(
                RuleProblem(
                    rule="unknown_prepack",
                    message=_("Cet assortiment n'est plus proposé."),
                    product_id=product.pk,
                )
            )
            continue
        if count < 0 or count > MAX_CELL_QUANTITY:
            problems.append(
                RuleProblem(
                    rule="invalid_quantity",
                    message=_("%(pack)s : nombre d'assortiments invalide.") % {"pack": prepack.name},
                    product_id=product.pk,
                )
            )
            continue
        for part in prepack.sizes.all():
            variant = by_cell.get((colour_id, part.size_id))
            if variant is None:
                problems.append(
                    RuleProblem(
                        rule="prepack_size_missing",
                        message=_("%(pack)s : la taille %(size)s n'existe pas dans cette couleur.")
                        % {"pack": prepack.name, "size": part.size.label},
                        product_id=product.pk,
                    )
                )
                continue
            added[variant.pk] = added.get(variant.pk, 0) + part.quantity * count
    return added, problems
