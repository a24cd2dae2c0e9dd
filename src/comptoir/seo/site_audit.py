"""Run the SEO audit over the shop itself, in process (a test client walks the public pages).

Shared by ``manage.py seo_audit`` and the cockpit's audit page. The private prefixes (cart,
checkout, accounts, orders, payments, the reseller space, the cockpit) are the ones robots.txt
keeps out: they are not walked.
"""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext_lazy

from .audit import Problem, audit_site, sitemap_paths

IMAGE_BUDGET_KB = 400
PRIVATE_PREFIXES = (
    pgettext_lazy("url", "panier/"),
    pgettext_lazy("url", "commander/"),
    pgettext_lazy("url", "compte/"),
    pgettext_lazy("url", "commande/"),
    pgettext_lazy("url", "pro/"),
    pgettext_lazy("url", "atelier/"),
    "paiement/",
    "admin/",
)


def private_prefixes(language: str) -> list[str]:
    with translation.override(language):
        return [str(prefix) for prefix in PRIVATE_PREFIXES]


def run_site_audit(*, image_budget_kb: int = IMAGE_BUDGET_KB) -> list[Problem]:
    host = next((host for host in settings.ALLOWED_HOSTS if host not in {"*", ""}), "localhost").lstrip(".")
    client = Client(HTTP_HOST=host)

    def fetch(path: str) -> tuple[int, str | None]:
        response = client.get(path)
        if not response.get("Content-Type", "").startswith("text/html"):
            return response.status_code, None
        return response.status_code, response.content.decode(errors="replace")

    with translation.override(settings.LANGUAGE_CODE):  # the founder reads the report in French
        return audit_site(
            fetch=fetch,
            start_paths=[*(f"/{code}/" for code, _name in settings.LANGUAGES), *sorted(sitemap_paths())],
            private_prefixes=[
                f"/{code}/{prefix}" for code, _name in settings.LANGUAGES for prefix in private_prefixes(code)
            ],
            image_budget_bytes=image_budget_kb * 1024,
        )
