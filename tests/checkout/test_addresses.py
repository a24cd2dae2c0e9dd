"""A parcel must reach the customer: postcodes of the country's shape, phones a carrier can dial."""

import pytest
from django.core.exceptions import ValidationError

from comptoir.checkout.addresses import clean_phone, clean_postcode


@pytest.mark.parametrize(
    ("country", "typed", "kept"),
    [
        ("FR", "75011", "75011"),
        ("FR", " 69002 ", "69002"),
        ("NL", "1012ab", "1012 AB"),
        ("GB", "sw1a 1aa", "SW1A 1AA"),
        ("DE", "10115", "10115"),
        ("KR", "03187", "03187"),  # no localflavor field: the plain shape check
    ],
)
def test_a_postcode_of_the_country_shape_is_kept_written_as_the_country_writes_it(country, typed, kept):
    assert clean_postcode(country=country, postcode=typed) == kept


@pytest.mark.parametrize(
    ("country", "typed"),
    [("FR", "7501"), ("FR", "750011"), ("FR", "69 002"), ("DE", "ABCDE"), ("KR", "!!"), ("FR", "")],
)
def test_a_postcode_that_does_not_fit_the_country_is_refused(country, typed):
    with pytest.raises(ValidationError):
        clean_postcode(country=country, postcode=typed)


@pytest.mark.parametrize(
    ("country", "typed", "kept"),
    [
        ("FR", "06 12 34 56 78", "+33612345678"),
        ("FR", "+33 6 12 34 56 78", "+33612345678"),
        ("BE", "0470 12 34 56", "+32470123456"),
        ("FR", "+49 30 1234567", "+49301234567"),  # a German number is fine for a French address
    ],
)
def test_a_phone_is_kept_in_international_form(country, typed, kept):
    assert clean_phone(country=country, phone=typed) == kept


@pytest.mark.parametrize("typed", ["0612", "bonjour", "", "+33 1"])
def test_a_phone_a_carrier_cannot_dial_is_refused(typed):
    with pytest.raises(ValidationError, match="téléphone"):
        clean_phone(country="FR", phone=typed)
