"""allauth's adapter: its emails speak in the shop's name, not the server's host name, and leave as
jobs (a mail server down keeps them for later: the page answers the same); the client's address is
the project's trusted one (core/rate_limit.client_ip), for allauth's own limits too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpRequest

from comptoir.core.rate_limit import client_ip
from comptoir.notifications.jobs import enqueue
from comptoir.notifications.services.send_prepared_email import send_prepared_email


@dataclass(frozen=True, slots=True)
class ShopSite:
    """What allauth's mail templates read from ``current_site``: a name and a domain."""

    name: str
    domain: str


def shop_site() -> ShopSite:
    return ShopSite(name=settings.SHOP_NAME, domain=urlsplit(settings.COMPTOIR_PUBLIC_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        return f"{settings.SHOP_NAME} · {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Rendered now (the context holds the request, the user, the link), sent as a job: a mail
        server that is down keeps it in PendingJob, and the page answers as if it had left."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, **context, "current_site": shop_site()},
        )
        # Everything is rendered: the job needs nothing the request's transaction may still undo.
        enqueue(send_prepared_email, **_prepared(message))

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)


def _prepared(message: EmailMessage) -> dict[str, Any]:
    html = next(
        (content for content, kind in getattr(message, "alternatives", []) if kind == "text/html"), ""
    )
    body = str(message.body)
    if message.content_subtype == "html":  # an HTML-only template
        body, html = "", body
    return {
        "subject": str(message.subject),
        "body": body,
        "html": str(html),
        "to": [str(address) for address in message.to],
        "from_email": str(message.from_email),
    }
