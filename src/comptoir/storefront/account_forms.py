"""The account's forms: an address for the book, the profile."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from comptoir.accounts.models import Address

from .checkout_forms import AddressForm

ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "line1",
    "line2",
    "postcode",
    "city",
    "country",
    "phone",
)


def country_choices() -> list[tuple[str, str]]:
    """Every country, in the customer's language; France first, where most of the book will be."""
    listed = [(str(code), str(name)) for code, name in countries]
    return sorted(listed, key=lambda choice: (choice[0] != "FR", choice[1]))


class AddressBookForm(AddressForm):
    """The checkout's address form (same postcode and phone checks), plus "make it my default"."""

    make_default = forms.BooleanField(label=_("En faire mon adresse par défaut"), required=False)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, countries=country_choices(), phone_required=False, **kwargs)
        self.fields["country"].initial = "FR"
        for field in self.fields.values():
            # An address book is not a checkout step: the plain autofill tokens, without a section.
            token = field.widget.attrs.get("autocomplete", "")
            if token:
                field.widget.attrs["autocomplete"] = token.split(" ")[-1]

    @classmethod
    def initial_for(cls, address: Address) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(address, name) for name in ADDRESS_FIELDS}
        initial["country"] = str(address.country)
        initial["make_default"] = address.is_default
        return initial


class ProfileForm(forms.Form):
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        required=False,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"),
        max_length=150,
        required=False,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Langue de vos e-mails"),
        choices=settings.LANGUAGES,
        help_text=_("Confirmations de commande, expédition, factures."),
    )
