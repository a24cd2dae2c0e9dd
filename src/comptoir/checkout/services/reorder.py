"""Reorder a past reseller order in one click: its lines go back into the company's draft.

What can no longer be had is listed rather than silently dropped: a variant deleted or off sale, or
fewer pieces in stock than last time (the draft then takes what there is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.inventory.selectors import available_quantities
from comptoir.orders.models import Order
from comptoir.resellers.models import Buyer, DraftOrder, DraftOrderLine


@dataclass(frozen=True, slots=True)
class ReorderResult:
    pieces: int
    unavailable: list[str] = field(default_factory=list)


def reorder(*, buyer: Buyer, order: Order) -> ReorderResult:
    """``order`` must be one of the buyer's company's orders (the caller scoped it)."""
    if order.company_id != buyer.company_id:
        raise PermissionError("An order of another company cannot be reordered.")
    wanted: dict[int, int] = {}
    unavailable: list[str] = []
    lines = order.lines.select_related("variant__product", "variant__size", "variant__colour").order_by("pk")
    labels = {}
    products = {}
    for line in lines:
        label = f"{line.product_name} ({line.options_label})" if line.options_label else line.product_name
        variant = line.variant
        if variant is None or not variant.is_sellable:
            unavailable.append(_("%(item)s : n'est plus au catalogue.") % {"item": label})
            continue
        wanted[variant.pk] = wanted.get(variant.pk, 0) + line.quantity
        labels[variant.pk] = label
        products[variant.pk] = variant.product
    with transaction.atomic():
        draft, _created = DraftOrder.objects.select_for_update().get_or_create(company_id=buyer.company_id)
        in_draft = {
            line.variant_id: line
            for line in DraftOrderLine.objects.filter(draft=draft, variant_id__in=wanted)
        }
        available = available_quantities(variant_ids=wanted)
        added = 0
        today = timezone.localdate()
        for variant_id, quantity in sorted(wanted.items()):
            existing = in_draft.get(variant_id)
            room = max(available.get(variant_id, 0) - (existing.quantity if existing else 0), 0)
            if products[variant_id].is_open_for_preorder(today=today):
                room = quantity  # a pre-order takes no current stock
            pieces = min(quantity, room)
            if pieces < quantity:
                unavailable.append(
                    _("%(item)s : %(pieces)d pièce(s) sur %(wanted)d, le stock ne permet pas plus.")
                    % {"item": labels[variant_id], "pieces": pieces, "wanted": quantity}
                    if pieces
                    else _("%(item)s : épuisé.") % {"item": labels[variant_id]}
                )
            if pieces == 0:
                continue
            if existing is None:
                DraftOrderLine.objects.create(draft=draft, variant_id=variant_id, quantity=pieces)
            else:
                existing.quantity += pieces
                existing.save(update_fields=["quantity"])
            added += pieces
        draft.updated_by = buyer.user
        draft.save(update_fields=["updated_by", "updated_at"])
    return ReorderResult(pieces=added, unavailable=unavailable)
