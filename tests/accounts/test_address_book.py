import pytest

from comptoir.accounts.models import Address
from comptoir.accounts.services.addresses import (
    add_address,
    delete_address,
    set_default_address,
    update_address,
)
from comptoir.core.addresses import PostalAddress
from tests.factories import UserFactory
from tests.factories.accounts import AddressFactory

pytestmark = pytest.mark.django_db

LYON = PostalAddress(
    first_name="Camille",
    last_name="Durand",
    line1="3 place Bellecour",
    postcode="69002",
    city="Lyon",
    country="FR",
    phone="+33612345678",
)


def test_the_first_address_is_the_default_whatever_was_asked():
    customer = UserFactory()
    address = add_address(customer=customer, postal_address=LYON, make_default=False)
    assert address.is_default is True
    assert address.to_postal_address() == LYON


def test_a_new_default_takes_the_place_of_the_old_one():
    customer = UserFactory()
    first = AddressFactory(customer=customer, is_default=True)
    second = add_address(customer=customer, postal_address=LYON, make_default=True)
    first.refresh_from_db()
    assert (first.is_default, second.is_default) == (False, True)
    assert Address.objects.filter(customer=customer, is_default=True).count() == 1


def test_an_edit_keeps_the_default_unless_asked():
    customer = UserFactory()
    default = AddressFactory(customer=customer, is_default=True)
    other = AddressFactory(customer=customer)
    update_address(address=other, postal_address=LYON, make_default=False)
    default.refresh_from_db()
    other.refresh_from_db()
    assert default.is_default is True
    assert (other.city, other.postcode, other.is_default) == ("Lyon", "69002", False)


def test_set_default_moves_the_mark():
    customer = UserFactory()
    default = AddressFactory(customer=customer, is_default=True)
    other = AddressFactory(customer=customer)
    set_default_address(address=other)
    assert list(Address.objects.filter(customer=customer, is_default=True)) == [other]
    default.refresh_from_db()
    assert default.is_default is False


def test_deleting_the_default_hands_the_mark_to_another_address():
    customer = UserFactory()
    default = AddressFactory(customer=customer, is_default=True)
    other = AddressFactory(customer=customer)
    delete_address(address=default)
    other.refresh_from_db()
    assert other.is_default is True
    assert Address.objects.filter(customer=customer).count() == 1


def test_books_of_two_customers_do_not_touch():
    camille, dominique = UserFactory(), UserFactory()
    camille_default = AddressFactory(customer=camille, is_default=True)
    add_address(customer=dominique, postal_address=LYON, make_default=True)
    camille_default.refresh_from_db()
    assert camille_default.is_default is True
