"""Where the boutique keeps track of a visitor's cart: the session for a guest, her account once signed in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from comptoir.cart.models import Cart
from comptoir.cart.services.open_cart import find_cart, merge_guest_cart, open_cart

SESSION_KEY = "cart_id"


def current_cart(request: HttpRequest) -> Cart | None:
    return find_cart(customer=request.user, cart_id=request.session.get(SESSION_KEY))


def cart_to_fill(request: HttpRequest) -> Cart:
    cart = open_cart(customer=request.user, cart_id=request.session.get(SESSION_KEY))
    if cart.customer_id is None:
        request.session[SESSION_KEY] = cart.pk
    return cart


def merge_at_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """``user_logged_in`` receiver: the bag filled as a guest is still there once signed in."""
    if request is None or not hasattr(request, "session"):
        return
    guest_cart_id = request.session.pop(SESSION_KEY, None)
    if guest_cart_id is not None:
        merge_guest_cart(customer=user, guest_cart_id=guest_cart_id)
