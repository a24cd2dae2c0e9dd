import pytest

from tests.factories import UserFactory
from tests.factories.accounts import AddressFactory

pytestmark = pytest.mark.django_db


def test_the_founder_sees_a_customer_s_address_book_in_the_admin(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    address = AddressFactory(line1="12 rue des Lilas")
    response = client.get(f"/fr/admin/accounts/user/{address.customer.pk}/change/")
    assert response.status_code == 200
    assert "12 rue des Lilas" in response.content.decode()
