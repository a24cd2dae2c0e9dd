"""A company's admin invites a colleague; the invitation is accepted once, before it expires."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.notifications.jobs import enqueue

from ..emails import send_invitation_email
from ..errors import ResellerError
from ..models import Buyer, BuyerInvitation, Company

INVITATION_LIFETIME = timedelta(days=14)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_buyer(*, company: Company, invited_by: Any, email: str, language: str = "fr") -> BuyerInvitation:
    """Only an admin buyer of ``company`` may invite; the email carries the only copy of the token."""
    if not Buyer.objects.filter(user=invited_by, company=company, is_admin=True).exists():
        raise ResellerError(_("Seul un administrateur de l'entreprise peut inviter un acheteur."))
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ResellerError(_("Saisissez une adresse e-mail valide.")) from error
    if Buyer.objects.filter(user__email__iexact=email).exists():
        raise ResellerError(_("Cette adresse e-mail achète déjà pour une entreprise."))
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = BuyerInvitation.objects.create(
            company=company,
            email=email,
            token_hash=hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        transaction.on_commit(
            partial(
                enqueue, send_invitation_email, invitation_id=invitation.pk, token=token, language=language
            )
        )
    return invitation


def open_invitation(*, token: str) -> BuyerInvitation | None:
    """The invitation this token opens, if it is still open."""
    invitation = (
        BuyerInvitation.objects.select_related("company").filter(token_hash=hash_token(token or "")).first()
    )
    if invitation is None or not invitation.is_open or not invitation.company.is_active:
        return None
    return invitation


def accept_invitation(*, token: str, user: Any = None, password: str | None = None) -> Buyer:
    """A signed-in user accepts with the invited address; a newcomer sets a password and gets an account."""
    user_model = get_user_model()
    with transaction.atomic():
        invitation = (
            BuyerInvitation.objects.select_for_update()
            .select_related("company")
            .filter(token_hash=hash_token(token or ""))
            .first()
        )
        if invitation is None or not invitation.is_open or not invitation.company.is_active:
            raise ResellerError(_("Cette invitation n'est plus valable."))
        if user is None or not user.is_authenticated:
            if user_model.objects.filter(email__iexact=invitation.email).exists():
                raise ResellerError(_("Un compte existe déjà pour cette adresse : connectez-vous d'abord."))
            if not password:
                raise ResellerError(_("Choisissez un mot de passe."))
            user = user_model.objects.create_user(email=invitation.email, password=password)
        elif user.email.lower() != invitation.email.lower():
            raise ResellerError(_("Cette invitation a été envoyée à une autre adresse e-mail."))
        if Buyer.objects.filter(user=user).exists():
            raise ResellerError(_("Cette adresse e-mail achète déjà pour une entreprise."))
        buyer = Buyer.objects.create(user=user, company=invitation.company, is_admin=False)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return buyer
