"""People of the cockpit: the owner (superuser) and a member of « Préparation des colis »."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


def packer_user():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Préparation des colis"))
    return user


@pytest.fixture
def packer():
    return packer_user()
