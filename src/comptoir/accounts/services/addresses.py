"""A customer's address book: add, edit, delete, choose the default.

Addresses arrive already checked (postcode for the country, phone) by the form the customer typed
them in; these services own the rule that a book has exactly one default while it is not empty.
"""

from __future__ import annotations

from django.db import transaction

from comptoir.core.addresses import PostalAddress

from ..models import Address, User


def _fill(address: Address, postal_address: PostalAddress) -> None:
    for name, value in postal_address.to_dict().items():
        setattr(address, name, value)


def _make_default(address: Address) -> None:
    # Unset the old default first: the partial unique constraint allows one default per customer.
    Address.objects.filter(customer_id=address.customer_id, is_default=True).exclude(pk=address.pk).update(
        is_default=False
    )
    if not address.is_default:
        address.is_default = True
        address.save(update_fields=["is_default", "updated_at"])


def _lock_book(customer: User) -> None:
    # Two tabs editing the same book take turns, so the "one default" rule is checked in order.
    User.objects.select_for_update().filter(pk=customer.pk).first()


@transaction.atomic
def add_address(*, customer: User, postal_address: PostalAddress, make_default: bool = False) -> Address:
    """Add an address; the first one of a book is the default whatever was asked."""
    _lock_book(customer)
    address = Address(customer=customer)
    _fill(address, postal_address)
    address.save()
    if make_default or not Address.objects.filter(customer=customer, is_default=True).exists():
        _make_default(address)
    return address


@transaction.atomic
def update_address(*, address: Address, postal_address: PostalAddress, make_default: bool = False) -> Address:
    _lock_book(address.customer)
    _fill(address, postal_address)
    address.save()
    if make_default:
        _make_default(address)
    return address


@transaction.atomic
def set_default_address(*, address: Address) -> Address:
    _lock_book(address.customer)
    _make_default(address)
    return address


@transaction.atomic
def delete_address(*, address: Address) -> None:
    """Delete an address; if it was the default, the most recently used one left takes its place."""
    customer = address.customer
    _lock_book(customer)
    was_default = address.is_default
    address.delete()
    if was_default:
        successor = Address.objects.filter(customer=customer).order_by("-updated_at", "-pk").first()
        if successor is not None:
            _make_default(successor)
