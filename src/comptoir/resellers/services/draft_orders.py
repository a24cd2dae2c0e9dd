"""A buyer fills a product's size × colour grid; the quantities go into the company's draft order.

A grid replaces that product's lines at once (0 or empty removes a cell), so submitting the same grid
twice gives the same draft. Every bad cell is named, and nothing changes until all cells are valid.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.catalog.models import Product, ProductStatus, Variant
from comptoir.inventory.selectors import available_quantities

from ..models import Buyer, DraftOrder, DraftOrderLine
from ..rules import RuleLine, quantity_problems

MAX_CELL_QUANTITY = 9999


class GridRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("; ".join(messages))


def set_grid_quantities(*, buyer: Buyer, product: Product, quantities: dict[int, int]) -> DraftOrder:
    """``quantities``: variant id → pieces wanted, for variants of ``product`` only."""
    if product.status != ProductStatus.PUBLISHED:
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
    available = available_quantities(variant_ids=list(variants))
    for variant_id, quantity in quantities.items():
        variant = variants.get(variant_id)
        if variant is None:
            continue
        if quantity < 0 or quantity > MAX_CELL_QUANTITY:
            errors.append(_("%(cell)s : quantité invalide.") % {"cell": variant.options_label or variant.sku})
        elif quantity > available.get(variant_id, 0):
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
