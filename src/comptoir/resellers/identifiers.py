"""French company numbers and EU VAT numbers: format and checksum by python-stdnum, never by hand.

A company outside France applies with its own identifiers: its registration number as its country writes
it, and its VAT number (checked by stdnum when it knows that country's format, EU or not). Which rule
applies depends on the country: ``validate_company_number_for``, ``validate_vat_number_for``.

``check_vat_online`` (VIES) is an adapter switched on by ``settings.COMPTOIR_VIES_CHECK``; it is off by
default, so nothing here reaches the network unless the operator asks for it. Its answer is a note for
the founder, never a refusal: VIES is often down, and the founder decides on each application anyway.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum import get_cc_module
from stdnum.eu import vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren, siret

logger = logging.getLogger(__name__)

# Countries whose VAT numbers make an intra-EU supply (Northern Ireland's "XI" is handled by stdnum).
HOME_COUNTRY = "FR"
EU_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


def compact_company_number(value: str) -> str:
    return siret.compact(value or "")


def validate_company_number(value: str) -> None:
    """A SIREN (9 digits) or a SIRET (14 digits), checksum included."""
    number = compact_company_number(value)
    valid = siren.is_valid(number) if len(number) == 9 else siret.is_valid(number)
    if not valid:
        raise ValidationError(
            _("« %(value)s » n'est ni un SIREN ni un SIRET valide."), params={"value": value}
        )


def siren_of(value: str) -> str:
    """The SIREN (the company) of a SIREN or a SIRET (one of its establishments)."""
    return compact_company_number(value)[:9]


def compact_vat_number(value: str) -> str:
    """No number stays no number (stdnum refuses an empty one, and the number is optional); a number
    stdnum cannot read (a Swiss « CHE-… MWST », a typo) stays as typed, without separators, for the
    validation to name: never an exception here."""
    if not value or not value.strip():
        return ""
    try:
        return vat.compact(value)
    except StdnumError:
        return re.sub(r"[\s.\-/]", "", value).upper()


def validate_company_number_for(value: str, *, country: str) -> None:
    """A French company gives its SIREN or SIRET (checked); any other its own registration number, as
    its country writes it (the founder reads it; nothing here guesses another country's format)."""
    if value and country.upper() == HOME_COUNTRY:
        validate_company_number(value)


def validate_vat_number_for(value: str, *, country: str) -> None:
    """An EU company's number is an intra-EU VAT number; another country's is checked by stdnum when it
    knows that country's format (Switzerland, the United Kingdom, Norway…), else kept as given."""
    if not value:
        return
    if country.upper() in EU_COUNTRIES:
        validate_vat_number(value)
        return
    module = get_cc_module(country.lower(), "vat")
    if module is not None and not module.is_valid(value):
        raise ValidationError(
            _("« %(value)s » n'est pas un numéro de TVA valide pour ce pays."), params={"value": value}
        )


def validate_vat_number(value: str) -> None:
    """An intra-EU VAT number: country prefix, format and checksum."""
    try:
        vat.validate(value)
    except StdnumError as error:
        raise ValidationError(
            _("« %(value)s » n'est pas un numéro de TVA intracommunautaire valide."),
            params={"value": value},
        ) from error


def vat_number_is_valid(value: str) -> bool:
    return bool(value) and vat.is_valid(value)


class VatCheck(models.TextChoices):
    """What VIES said about an EU VAT number; blank when nobody asked (the check off, or no number)."""

    NOT_ASKED = "", _("non vérifié (vérification VIES désactivée)")
    REGISTERED = "registered", _("enregistré auprès de VIES")
    NOT_REGISTERED = "not_registered", _("inconnu de VIES : à vérifier avant d'accepter")
    UNREACHABLE = "unreachable", _("VIES n'a pas pu être interrogé : à vérifier à la main")


def check_vat_online(value: str) -> VatCheck:
    """Ask VIES whether the number is registered, when ``COMPTOIR_VIES_CHECK`` is on and there is one."""
    if not value or not getattr(settings, "COMPTOIR_VIES_CHECK", False):
        return VatCheck.NOT_ASKED
    try:
        answer = vat.check_vies(compact_vat_number(value), timeout=10)
    except Exception:  # VIES is often down (or the shop offline): the founder checks by hand then.
        logger.warning("VIES did not answer for %s", value, exc_info=True)
        return VatCheck.UNREACHABLE
    return VatCheck.REGISTERED if answer["valid"] else VatCheck.NOT_REGISTERED
