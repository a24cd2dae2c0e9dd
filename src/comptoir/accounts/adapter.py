"""allauth's adapter: its emails speak in the shop's name, not the server's host name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter

from comptoir.shop.profile import current_profile


@dataclass(frozen=True, slots=True)
class ShopSite:
    """What allauth's mail templates read from ``current_site``: a name and a domain."""

    name: str
    domain: str


def shop_site() -> ShopSite:
    profile = current_profile()
    return ShopSite(name=profile.shop_name, domain=urlsplit(profile.public_url).netloc)


def _on_public_address(url: str) -> str:
    parts = urlsplit(url)
    return current_profile().link(parts.path + (f"?{parts.query}" if parts.query else ""))


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        return f"{current_profile().shop_name} · {subject}"

    def get_from_email(self) -> str:
        return current_profile().from_email

    # allauth builds its links from the request's host; the shop's links go to its public address.
    def get_reset_password_from_key_url(self, key: str) -> str:
        return _on_public_address(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request: Any, emailconfirmation: Any) -> str:
        return _on_public_address(super().get_email_confirmation_url(request, emailconfirmation))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        super().send_mail(template_prefix, email, {"current_site": shop_site(), **context})
