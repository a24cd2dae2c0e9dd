import pytest
from django.core.exceptions import ValidationError

from comptoir.resellers.identifiers import (
    VatCheck,
    check_vat_online,
    siren_of,
    validate_company_number,
    validate_vat_number,
)


@pytest.mark.parametrize("number", ["732829320", "732 829 320", "73282932000074", "732 829 320 00074"])
def test_a_valid_siren_or_siret_passes(number):
    validate_company_number(number)


@pytest.mark.parametrize("number", ["732829321", "73282932000075", "12345", "", "ABCDEFGHI"])
def test_a_bad_siren_or_siret_is_refused(number):
    with pytest.raises(ValidationError):
        validate_company_number(number)


def test_the_siren_of_a_siret_is_its_first_nine_digits():
    assert siren_of("732 829 320 00074") == "732829320"


@pytest.mark.parametrize("number", ["FR40303265045", "FR 40 303 265 045", "DE136695976", "BE0403170701"])
def test_a_valid_eu_vat_number_passes(number):
    validate_vat_number(number)


@pytest.mark.parametrize("number", ["FR40303265046", "DE136695977", "XX123", "303265045"])
def test_a_bad_eu_vat_number_is_refused(number):
    with pytest.raises(ValidationError):
        validate_vat_number(number)


def test_the_vies_check_is_off_by_default_and_never_called(settings, monkeypatch):
    settings.COMPTOIR_VIES_CHECK = False

    def no_network(*args, **kwargs):
        raise AssertionError("VIES was called")

    monkeypatch.setattr("stdnum.eu.vat.check_vies", no_network)
    assert check_vat_online("FR40303265045") == VatCheck.NOT_ASKED == ""
