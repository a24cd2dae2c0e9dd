"""Factories for customers' address books."""

from __future__ import annotations

import factory

from comptoir.accounts.models import Address

from . import UserFactory


class AddressFactory(factory.django.DjangoModelFactory):
    """A Paris address in a customer's book (not the default unless asked)."""

    class Meta:
        model = Address

    customer = factory.SubFactory(UserFactory)
    first_name = "Camille"
    last_name = "Durand"
    line1 = factory.Sequence(lambda n: f"{n + 1} rue des Lilas")
    postcode = "75011"
    city = "Paris"
    country = "FR"
    phone = "+33612345678"
    is_default = False
