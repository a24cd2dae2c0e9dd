"""A double-clicked « Accepter », an invitation link opened twice: the work is done once."""

from __future__ import annotations

import pytest

from comptoir.resellers.errors import ResellerError
from comptoir.resellers.models import Buyer, BuyerInvitation, Company
from comptoir.resellers.services.decide_application import approve_application
from comptoir.resellers.services.invitations import accept_invitation, hash_token
from tests.concurrency.helpers import run_at_once
from tests.factories.resellers import BuyerFactory, ResellerApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_approving_at_once_creates_one_company_and_one_buyer(threads_database):
    application = ResellerApplicationFactory()

    outcomes = run_at_once(
        lambda index: approve_application(application_id=application.pk, decided_by=None), threads=4
    )

    assert [repr(o.error) for o in outcomes if o.error] == []
    assert Company.objects.count() == 1
    assert Buyer.objects.count() == 1
    assert {o.result.pk for o in outcomes} == {Company.objects.get().pk}


def test_an_invitation_accepted_at_once_makes_one_buyer(threads_database):
    admin = BuyerFactory()
    BuyerInvitation.objects.create(
        company=admin.company,
        email="collegue@mercerie.example",
        token_hash=hash_token("le-jeton"),
        expires_at="2999-01-01T00:00:00Z",
    )

    outcomes = run_at_once(
        lambda index: accept_invitation(token="le-jeton", password="Un-mot-de-passe-solide-42"), threads=4
    )

    accepted = [o for o in outcomes if o.error is None]
    assert len(accepted) == 1
    assert all(isinstance(o.error, ResellerError) for o in outcomes if o.error is not None)
    assert Buyer.objects.filter(company=admin.company).count() == 2
