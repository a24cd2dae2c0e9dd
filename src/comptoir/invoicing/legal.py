"""Figures French law sets for invoices between professionals (Code de commerce L441-10, D441-5)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import bic, iban
from stdnum.fr import siret

# The fixed compensation for recovery costs owed by a late professional payer (D441-5).
RECOVERY_FEE = Decimal("40.00")


def late_payment_floor() -> Decimal:
    """The lowest late-payment rate the law allows: three times the legal interest rate (L441-10)."""
    return Decimal(str(settings.COMPTOIR_LEGAL_INTEREST_RATE)) * 3


def validate_siret(value: str) -> None:
    if not siret.is_valid(value):
        raise ValidationError(
            _("« %(value)s » n'est pas un SIRET valide (14 chiffres)."), params={"value": value}
        )


def validate_iban(value: str) -> None:
    if not iban.is_valid(value):
        raise ValidationError(_("« %(value)s » n'est pas un IBAN valide."), params={"value": value})


def validate_bic(value: str) -> None:
    if not bic.is_valid(value):
        raise ValidationError(_("« %(value)s » n'est pas un BIC valide."), params={"value": value})
