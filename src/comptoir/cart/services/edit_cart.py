"""Add, change and remove cart lines: every change checked against live stock and the line maximum.

The cart promises nothing (stock is reserved when the order is placed), but it never lets a customer
ask for more than is available now or more than ``MAX_QUANTITY_PER_LINE``: she is told at once,
next to the button she pressed, rather than at the checkout.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comptoir.catalog.models import Variant
from comptoir.inventory.selectors import available_quantities
from comptoir.pricing.policy import policy_for

from ..errors import CartError
from ..models import Cart, CartLine
from ..rules import MAX_QUANTITY_PER_LINE


def variant_label(variant: Variant) -> str:
    options = variant.options_label
    return f"{variant.product.name} ({options})" if options else str(variant.product.name)


def _sellable_variant(variant_id: Any) -> Variant:
    variant = (
        Variant.objects.select_related("product", "size", "colour", "fit").filter(pk=int(variant_id)).first()
        if str(variant_id).isdecimal()
        else None
    )
    if variant is None:
        raise CartError([_("Ce produit n'existe pas.")])
    if not variant.is_sellable:
        raise CartError([_("%(item)s n'est plus en vente.") % {"item": variant_label(variant)}])
    return variant


def check_quantity(*, variant: Variant, quantity: int) -> None:
    """Raise ``CartError`` unless ``quantity`` pieces of ``variant`` may be in a cart right now."""
    label = variant_label(variant)
    if quantity > MAX_QUANTITY_PER_LINE:
        raise CartError(
            [
                _("%(item)s : %(maximum)d pièces au plus par commande.")
                % {"item": label, "maximum": MAX_QUANTITY_PER_LINE}
            ]
        )
    available = available_quantities(variant_ids=[variant.pk])[variant.pk]
    if available <= 0:
        raise CartError([_("%(item)s : épuisé.") % {"item": label}])
    if quantity > available:
        raise CartError(
            [
                ngettext(
                    "%(item)s : plus qu'une pièce disponible.",
                    "%(item)s : plus que %(available)d pièces disponibles.",
                    available,
                )
                % {"item": label, "available": available}
            ]
        )


def parse_quantity(raw: Any) -> int:
    """A whole number from the form, or ``CartError``: never a float, never a negative."""
    text = str(raw).strip()
    if not text.isdecimal():
        raise CartError([_("La quantité doit être un nombre entier positif.")])
    return int(text)


def _seen_price(*, variant: Variant, customer: Any) -> Any:
    return policy_for(customer=customer).quote(variant=variant).displayed_unit.amount


def add_to_cart(*, cart: Cart, variant_id: Any, quantity: Any = 1, customer: Any = None) -> CartLine:
    """Add pieces of a variant (to its line if the cart has one), or raise ``CartError`` changing nothing."""
    wanted = parse_quantity(quantity)
    if wanted < 1:
        raise CartError([_("La quantité doit être un nombre entier positif.")])
    variant = _sellable_variant(variant_id)
    with transaction.atomic():
        Cart.objects.select_for_update().filter(pk=cart.pk).first()  # serialise double clicks
        line = CartLine.objects.filter(cart=cart, variant=variant).first()
        total = wanted + (line.quantity if line else 0)
        check_quantity(variant=variant, quantity=total)
        seen = _seen_price(variant=variant, customer=customer)
        if line is None:
            line = CartLine.objects.create(cart=cart, variant=variant, quantity=total, seen_unit_price=seen)
        else:
            line.quantity = total
            line.seen_unit_price = seen
            line.save(update_fields=["quantity", "seen_unit_price"])
        Cart.objects.filter(pk=cart.pk).update(updated_at=timezone.now())
    return line


def change_quantity(*, cart: Cart, line_id: Any, quantity: Any, customer: Any = None) -> CartLine | None:
    """Set a line's quantity; zero removes it (returns None). Another cart's line is not found."""
    wanted = parse_quantity(quantity)
    if not str(line_id).isdecimal():
        raise CartError([_("Cet article n'est plus dans votre panier.")])
    with transaction.atomic():
        line = (
            CartLine.objects.select_for_update(of=("self",))
            .select_related("variant__product", "variant__size", "variant__colour", "variant__fit")
            .filter(cart=cart, pk=int(line_id))
            .first()
        )
        if line is None:
            raise CartError([_("Cet article n'est plus dans votre panier.")])
        if wanted == 0:
            line.delete()
            return None
        if wanted > line.quantity or wanted > MAX_QUANTITY_PER_LINE:
            check_quantity(variant=line.variant, quantity=wanted)
        line.quantity = wanted
        line.seen_unit_price = _seen_price(variant=line.variant, customer=customer)
        line.save(update_fields=["quantity", "seen_unit_price"])
    return line


def remove_line(*, cart: Cart, line_id: Any) -> None:
    """Remove a line; removing one that is already gone is not an error (a second click)."""
    if str(line_id).isdecimal():
        CartLine.objects.filter(cart=cart, pk=int(line_id)).delete()


def note_prices_seen(*, cart: Cart, prices: dict[int, Any]) -> None:
    """Remember the prices the customer was just shown (line id → unit price), so a change is told once."""
    lines = list(CartLine.objects.filter(cart=cart, pk__in=list(prices)))
    changed = [line for line in lines if line.seen_unit_price != prices[line.pk]]
    for line in changed:
        line.seen_unit_price = prices[line.pk]
    if changed:
        CartLine.objects.bulk_update(changed, ["seen_unit_price"])
