"""API keys: created with the clear key shown once and only its hash stored, revoked by the company."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection

from comptoir.resellers.errors import ResellerError
from comptoir.resellers.models import ApiKey
from comptoir.resellers.services.api_keys import (
    MAX_ACTIVE_KEYS_PER_COMPANY,
    authenticate_api_key,
    create_api_key,
    revoke_api_key,
)
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


def every_stored_value() -> str:
    """Every column of every row of the keys table, as text."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiKey._meta.db_table}")  # noqa: S608 (our own table name)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_the_clear_key_is_never_stored_only_its_hash():
    buyer = BuyerFactory()
    created = create_api_key(buyer=buyer, name="  Site   web ")
    key = ApiKey.objects.get()
    assert created.clear_key.startswith(f"cpt_{key.prefix}_")
    assert len(created.clear_key) > 40
    assert key.name == "Site web"
    assert key.company == buyer.company and key.created_by == buyer.user
    assert key.key_hash == hashlib.sha256(created.clear_key.encode()).hexdigest()
    stored = every_stored_value()
    assert created.clear_key not in stored
    assert created.clear_key.rsplit("_", 1)[-1] not in stored  # nor its secret part


def test_two_keys_never_share_a_prefix_or_a_secret():
    buyer = BuyerFactory()
    first = create_api_key(buyer=buyer, name="Caisse")
    second = create_api_key(buyer=buyer, name="Caisse")
    assert first.clear_key != second.clear_key
    assert first.api_key.prefix != second.api_key.prefix


def test_a_key_finds_its_buyer_and_a_revoked_one_finds_nothing():
    buyer = BuyerFactory()
    created = create_api_key(buyer=buyer, name="Site web")
    found = authenticate_api_key(clear_key=created.clear_key)
    assert found is not None and found.buyer == buyer and found.api_key == created.api_key
    revoke_api_key(buyer=buyer, key_id=created.api_key.pk)
    assert authenticate_api_key(clear_key=created.clear_key) is None


def test_another_company_cannot_revoke_a_key():
    created = create_api_key(buyer=BuyerFactory(), name="Site web")
    with pytest.raises(ApiKey.DoesNotExist):
        revoke_api_key(buyer=BuyerFactory(), key_id=created.api_key.pk)
    created.api_key.refresh_from_db()
    assert created.api_key.revoked_at is None


def test_revoking_twice_keeps_the_first_date():
    buyer = BuyerFactory()
    created = create_api_key(buyer=buyer, name="Site web")
    first = revoke_api_key(buyer=buyer, key_id=created.api_key.pk).revoked_at
    assert revoke_api_key(buyer=buyer, key_id=created.api_key.pk).revoked_at == first


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_a_key_needs_a_name_of_80_characters_at_most(name):
    with pytest.raises(ResellerError):
        create_api_key(buyer=BuyerFactory(), name=name)
    assert ApiKey.objects.count() == 0


def test_a_company_holds_a_bounded_number_of_active_keys():
    buyer = BuyerFactory()
    keys = [create_api_key(buyer=buyer, name=f"Clé {n}") for n in range(MAX_ACTIVE_KEYS_PER_COMPANY)]
    with pytest.raises(ResellerError):
        create_api_key(buyer=buyer, name="Une de trop")
    revoke_api_key(buyer=buyer, key_id=keys[0].api_key.pk)
    create_api_key(buyer=buyer, name="Remplaçante")
    assert ApiKey.objects.filter(revoked_at__isnull=True).count() == MAX_ACTIVE_KEYS_PER_COMPANY
