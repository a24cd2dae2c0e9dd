"""Marketing emails: the shop's look, the reader's language, and an unsubscribe link where one is due."""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from comptoir.notifications.founder import absolute_url
from comptoir.shop.profile import current_profile


def absolute(path: str) -> str:
    return absolute_url(path)


def public_url(name: str, *, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs or None))


def build_email(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    language: str,
    unsubscribe_url: str = "",
) -> EmailMultiAlternatives:
    """``template`` names ``marketing/emails/<template>.txt`` and ``.html``, both rendered in ``language``."""
    with translation.override(language):
        full = {
            **context,
            "subject": subject,
            "shop_name": current_profile().shop_name,
            "language": language,
            "unsubscribe_url": unsubscribe_url,
        }
        text = render_to_string(f"marketing/emails/{template}.txt", full)
        html = render_to_string(f"marketing/emails/{template}.html", full)
    headers = {}
    if unsubscribe_url:
        # One click from the mail client itself (RFC 8058).
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        from_email=current_profile().from_email, subject=subject, body=text, to=[to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message
