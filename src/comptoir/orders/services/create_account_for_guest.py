"""« Create my account » after a guest order: the password is all she types; her orders follow.

The order's signed link proved she reads that mailbox, so the address is recorded as verified.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.core.addresses import PostalAddress

from ..models import Order


class AccountRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__(" ".join(messages))


def guest_can_create_account(*, order: Order) -> bool:
    return order.customer_id is None and not User.objects.filter(email__iexact=order.email).exists()


def create_account_for_guest_order(*, order: Order, password: str) -> User:
    if not guest_can_create_account(order=order):
        raise AccountRefused(
            [_("Un compte existe déjà pour cette adresse : connectez-vous pour retrouver vos commandes.")]
        )
    address = PostalAddress.from_dict(order.billing_address or order.shipping_address or {})
    user = User(email=order.email.lower(), first_name=address.first_name, last_name=address.last_name)
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise AccountRefused(list(error.messages)) from error
    with transaction.atomic():
        user = User.objects.create_user(
            email=order.email,
            password=password,
            first_name=address.first_name,
            last_name=address.last_name,
            preferred_language=order.language or "fr",
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        # Every earlier guest order with that address joins the new account.
        Order.objects.filter(customer__isnull=True, email__iexact=order.email).update(customer=user)
    return user
