"""Reads of a customer's account: always scoped to the customer, so nobody reads another's book."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Address, User


def addresses_of(*, customer: User) -> QuerySet[Address]:
    """The address book, default first, then the most recently edited."""
    return Address.objects.filter(customer=customer)


def address_of(*, customer: User, address_id: int) -> Address | None:
    return Address.objects.filter(customer=customer, pk=address_id).select_related("customer").first()
