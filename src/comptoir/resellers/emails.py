"""Emails of the reseller flow, sent after commit through the background job path (``enqueue``).

Each job reads its rows afresh and renders ``resellers/emails/<kind>.txt`` in the reader's language.
"""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from comptoir.notifications.founder import absolute_url as absolute
from comptoir.shop.profile import current_profile

from .models import BuyerInvitation, ResellerApplication


def absolute_url(name: str, *, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    return absolute(path)


def founder_email() -> str:
    """Where the founder reads new applications: the setting, else the first superuser, else the shop."""
    configured = getattr(settings, "COMPTOIR_FOUNDER_EMAIL", "")
    if configured:
        return str(configured)
    superuser_email = (
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .first()
    )
    return str(superuser_email or parseaddr(current_profile().from_email)[1])


def set_password_url(*, user: Any, language: str) -> str:
    """A one-time link (Django's password-reset token) to the portal's set-password page."""
    return absolute_url(
        "reseller_portal:set_password",
        language=language,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),
    )


def _send(*, to: str, subject: str, kind: str, context: dict[str, Any], language: str) -> None:
    with translation.override(language):
        body = render_to_string(
            f"resellers/emails/{kind}.txt", {**context, "shop_name": current_profile().shop_name}
        )
    EmailMessage(subject=subject, body=body, from_email=current_profile().from_email, to=[to]).send()


def send_application_received_email(*, application_id: int) -> None:
    application = ResellerApplication.objects.get(pk=application_id)
    language = "fr"  # the founder's language
    with translation.override(language):
        subject = gettext("Nouvelle demande revendeur : %(shop)s") % {"shop": application.shop_name}
        admin_url = absolute_url(
            "admin:resellers_resellerapplication_change", language=language, object_id=application.pk
        )
    _send(
        to=founder_email(),
        subject=subject,
        kind="application_received",
        context={"application": application, "admin_url": admin_url},
        language=language,
    )


def send_application_approved_email(*, application_id: int) -> None:
    application = ResellerApplication.objects.select_related("company").get(pk=application_id)
    user = get_user_model().objects.get(email__iexact=application.email)
    with translation.override(application.language):
        subject = gettext("Bienvenue chez %(shop)s : votre espace revendeur est ouvert") % {
            "shop": current_profile().shop_name
        }
    _send(
        to=user.email,
        subject=subject,
        kind="application_approved",
        context={
            "application": application,
            "set_password_url": set_password_url(user=user, language=application.language),
            "portal_url": absolute_url("reseller_portal:home", language=application.language),
        },
        language=application.language,
    )


def send_application_refused_email(*, application_id: int) -> None:
    application = ResellerApplication.objects.get(pk=application_id)
    with translation.override(application.language):
        subject = gettext("Votre demande revendeur chez %(shop)s") % {"shop": current_profile().shop_name}
    _send(
        to=application.email,
        subject=subject,
        kind="application_refused",
        context={"application": application},
        language=application.language,
    )


def send_invitation_email(*, invitation_id: int, token: str, language: str) -> None:
    invitation = BuyerInvitation.objects.select_related("company").get(pk=invitation_id)
    with translation.override(language):
        subject = gettext("%(company)s vous invite dans son espace revendeur %(shop)s") % {
            "company": invitation.company.shop_name,
            "shop": current_profile().shop_name,
        }
    _send(
        to=invitation.email,
        subject=subject,
        kind="buyer_invitation",
        context={
            "invitation": invitation,
            "accept_url": absolute_url("reseller_portal:accept_invitation", language=language, token=token),
        },
        language=language,
    )
