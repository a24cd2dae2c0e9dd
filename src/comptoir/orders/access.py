"""A signed link that lets a customer, guest or not, follow an order without signing in.

The token carries the order number, signed with the site's SECRET_KEY and a salt of its own and
timestamped, so it cannot be forged or guessed and may expire. The storefront page named
``storefront:order_status`` (path parameter ``token``) reads it with ``order_number_from_token``.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from comptoir.notifications.founder import absolute_url

from .models import Order

ACCESS_SALT = "comptoir.orders.access"
ACCESS_MAX_AGE = timedelta(days=365)


def order_access_token(*, order: Order) -> str:
    return signing.dumps({"number": order.number}, salt=ACCESS_SALT)


def order_number_from_token(*, token: str, max_age: timedelta = ACCESS_MAX_AGE) -> str | None:
    """The order number a token was signed for, or None if it was tampered with or has expired."""
    try:
        payload = signing.loads(token, salt=ACCESS_SALT, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    number = payload.get("number") if isinstance(payload, dict) else None
    return number if isinstance(number, str) else None


def order_access_url(*, order: Order) -> str:
    """The absolute link, in the order's language, built on the shop's public address."""
    token = order_access_token(order=order)
    language = order.language or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            path = reverse("storefront:order_status", kwargs={"token": token})
        except NoReverseMatch:
            # The storefront page is not there yet: the path it will have, so that links already sent work.
            path = f"/{language}/commande/{token}/"
    return absolute_url(path)
