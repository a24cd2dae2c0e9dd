import re

import pytest
from django.utils import timezone

from comptoir.resellers.errors import ResellerError
from comptoir.resellers.models import Buyer, BuyerInvitation
from comptoir.resellers.services.invitations import accept_invitation, invite_buyer
from tests.factories import UserFactory
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


def invite(buyer, email="collegue@mercerie.example", mailoutbox=None, capture=None):
    with capture(execute=True):
        invite_buyer(company=buyer.company, invited_by=buyer.user, email=email)
    return re.search(r"/pro/invitation/([^/\s]+)/", mailoutbox[-1].body).group(1)


def test_an_admin_invites_and_the_newcomer_accepts_with_a_password(
    mailoutbox, django_capture_on_commit_callbacks
):
    admin = BuyerFactory()
    token = invite(admin, mailoutbox=mailoutbox, capture=django_capture_on_commit_callbacks)
    invitation = BuyerInvitation.objects.get()
    assert invitation.token_hash != token  # only the hash is kept
    buyer = accept_invitation(token=token, password="Un-mot-de-passe-solide-42")
    assert buyer.company == admin.company
    assert buyer.is_admin is False
    assert buyer.user.email == "collegue@mercerie.example"
    with pytest.raises(ResellerError):
        accept_invitation(token=token, password="Un-mot-de-passe-solide-42")


def test_a_plain_buyer_cannot_invite():
    buyer = BuyerFactory(is_admin=False)
    with pytest.raises(ResellerError):
        invite_buyer(company=buyer.company, invited_by=buyer.user, email="x@example.com")
    assert BuyerInvitation.objects.count() == 0


def test_an_admin_cannot_invite_into_another_company():
    admin = BuyerFactory()
    other = BuyerFactory()
    with pytest.raises(ResellerError):
        invite_buyer(company=other.company, invited_by=admin.user, email="x@example.com")


def test_an_expired_invitation_is_refused(mailoutbox, django_capture_on_commit_callbacks):
    token = invite(BuyerFactory(), mailoutbox=mailoutbox, capture=django_capture_on_commit_callbacks)
    BuyerInvitation.objects.update(expires_at=timezone.now())
    with pytest.raises(ResellerError):
        accept_invitation(token=token, password="Un-mot-de-passe-solide-42")
    assert Buyer.objects.count() == 1


def test_a_signed_in_user_accepts_only_with_the_invited_address(
    mailoutbox, django_capture_on_commit_callbacks
):
    token = invite(BuyerFactory(), mailoutbox=mailoutbox, capture=django_capture_on_commit_callbacks)
    with pytest.raises(ResellerError):
        accept_invitation(token=token, user=UserFactory(email="autre@example.com"))
    invited = UserFactory(email="collegue@mercerie.example")
    assert accept_invitation(token=token, user=invited).user == invited
