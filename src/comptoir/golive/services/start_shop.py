"""Start the real shop on a fresh database: the founder's account, and the shop closed until she opens it.

No catalogue, order, reseller or text of the demo's: she makes hers from the cockpit, guided by the
go-live checklist (``/fr/atelier/ouverture/``).
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from comptoir.invoicing.services.update_legal_identity import start_blank_identity
from comptoir.notifications.founder import absolute_url

from ..models import DemoRow
from .launch import close_shop_until_opened


class ShopAlreadyStarted(Exception):
    """The database holds a shop already (orders, the demo's rows, or an owner's account)."""


@dataclass(frozen=True)
class StartedShop:
    email: str
    set_password_link: str  # empty when she chose her password


def shop_is_new() -> bool:
    from comptoir.orders.models import Order

    user_model = get_user_model()
    return not (
        Order.objects.exists()
        or DemoRow.objects.exists()
        or user_model.objects.filter(is_superuser=True).exists()
    )


def start_shop(*, email: str, password: str | None) -> StartedShop:
    """Create the founder (staff and superuser), close the shop until she opens it.

    Without a password, the answer carries a one-time link to choose one (the password reset's signed
    token, built on the shop's public address): it stops working once used."""
    user_model = get_user_model()
    email = user_model.objects.normalize_email(email).lower()
    if password is not None:
        validate_password(password, user=user_model(email=email))
    with transaction.atomic():
        if not shop_is_new():
            raise ShopAlreadyStarted
        user = user_model.objects.create_superuser(email=email, password=password)
        if password is None:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        close_shop_until_opened()
        start_blank_identity()  # no default of the demo's stands in for her identity
    link = ""
    if password is None:
        with translation.override("fr"):
            path = reverse(
                "account_reset_password_from_key",
                kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
            )
        link = absolute_url(path)
    return StartedShop(email=email, set_password_link=link)
