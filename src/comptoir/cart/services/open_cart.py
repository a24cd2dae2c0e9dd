"""Find the cart of the person at the keyboard, and fold a guest's cart into hers when she signs in."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from comptoir.inventory.selectors import available_quantities

from ..models import Cart, CartLine
from ..rules import MAX_QUANTITY_PER_LINE


def find_cart(*, customer: Any, cart_id: Any) -> Cart | None:
    """The customer's cart when signed in, else the guest cart the session remembers (never a customer's)."""
    if customer is not None and getattr(customer, "is_authenticated", False):
        return Cart.objects.filter(customer=customer).first()
    if cart_id is None or not str(cart_id).isdecimal():
        return None
    return Cart.objects.filter(pk=int(cart_id), customer__isnull=True).first()


def open_cart(*, customer: Any, cart_id: Any) -> Cart:
    """The cart to add to: the existing one, or a new one (the caller remembers a guest's id)."""
    cart = find_cart(customer=customer, cart_id=cart_id)
    if cart is not None:
        return cart
    if customer is not None and getattr(customer, "is_authenticated", False):
        cart, _created = Cart.objects.get_or_create(customer=customer)
        return cart
    return Cart.objects.create()


def merge_guest_cart(*, customer: Any, guest_cart_id: Any) -> Cart | None:
    """At sign-in: the guest cart's lines join the customer's cart, and the guest cart is gone.

    A variant in both carts keeps the larger need, summed, within the line maximum and what is
    available now; a customer without a cart simply takes over the guest cart.
    """
    guest = find_cart(customer=None, cart_id=guest_cart_id)
    if guest is None:
        return find_cart(customer=customer, cart_id=None)
    with transaction.atomic():
        mine = Cart.objects.select_for_update().filter(customer=customer).first()
        if mine is None:
            guest.customer = customer
            guest.save(update_fields=["customer", "updated_at"])
            return guest
        existing = {line.variant_id: line for line in mine.lines.all()}
        guest_lines = list(guest.lines.all())
        available = available_quantities(variant_ids=[line.variant_id for line in guest_lines])
        for line in guest_lines:
            ceiling = max(min(MAX_QUANTITY_PER_LINE, available[line.variant_id]), 1)
            if line.variant_id in existing:
                kept = existing[line.variant_id]
                kept.quantity = min(kept.quantity + line.quantity, max(ceiling, kept.quantity))
                kept.save(update_fields=["quantity"])
            else:
                CartLine.objects.create(
                    cart=mine,
                    variant_id=line.variant_id,
                    quantity=min(line.quantity, ceiling),
                    seen_unit_price=line.seen_unit_price,
                )
        guest.delete()
    return mine
