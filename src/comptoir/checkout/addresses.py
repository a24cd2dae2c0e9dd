"""What makes an address deliverable: a postcode of the country's shape and a phone the carrier can call.

Postcodes are checked by django-localflavor's field for the country when it has one (47 countries,
every large EU one among them); elsewhere, a plain shape check. Phones by Google's libphonenumber.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_POSTCODE_FIELD_NAME = re.compile(r"^[A-Z]{2,3}(ZipCode|PostalCode|PostCode|Postcode)Field$")
_GENERIC_POSTCODE = re.compile(r"^[A-Z0-9][A-Z0-9 \-]{1,9}$")


@cache
def _postcode_field(country: str) -> forms.Field | None:
    """localflavor's postcode field for this country, if it has one (modules are `fr`, `in_`, `is_`…)."""
    code = country.lower()
    for module_name in (code, f"{code}_"):
        try:
            module = importlib.import_module(f"localflavor.{module_name}.forms")
        except ImportError:
            continue
        for name, value in vars(module).items():
            if name.startswith(country.upper()) and _POSTCODE_FIELD_NAME.match(name):
                return value(required=True)
    return None


def clean_postcode(*, country: str, postcode: str) -> str:
    """The postcode as the country writes it; ``ValidationError`` with a message for the customer."""
    postcode = " ".join(postcode.upper().split())
    if not postcode:
        raise ValidationError(_("Indiquez le code postal."), code="required")
    field = _postcode_field(country.upper())
    if field is not None:
        try:
            return str(field.clean(postcode))
        except ValidationError:
            raise ValidationError(
                _("Ce code postal ne correspond pas au pays choisi."), code="invalid_postcode"
            ) from None
    if not _GENERIC_POSTCODE.match(postcode):
        raise ValidationError(_("Ce code postal n'a pas l'air valide."), code="invalid_postcode")
    return postcode


def clean_phone(*, country: str, phone: str) -> str:
    """The phone number in international form (+33612345678), read as a number of ``country``."""
    try:
        number = phonenumbers.parse(phone, country.upper())
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Ce numéro de téléphone n'a pas l'air valide pour ce pays : le transporteur en a besoin."),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
