"""``manage.py seo_audit``: every public page checked as a crawler sees it; exit status 1 on a problem."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.utils import translation

from comptoir.seo.audit import audit_site, sitemap_paths

from ...views_seo import PRIVATE_PREFIXES

IMAGE_BUDGET_KB = 400


class Command(BaseCommand):
    help = "Audit SEO de toutes les pages publiques de la boutique."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--image-budget-kb", type=int, default=IMAGE_BUDGET_KB)

    def handle(self, *args: Any, **options: Any) -> None:
        problems = run_audit(image_budget_kb=options["image_budget_kb"])
        for problem in problems:
            fix = (
                f"  → {settings.COMPTOIR_PUBLIC_URL.rstrip('/')}{problem.fix_url}" if problem.fix_url else ""
            )
            self.stdout.write(f"{problem.url}  [{problem.kind}]  {problem.message}{fix}")
        if problems:
            raise CommandError(f"{len(problems)} problème(s) trouvé(s).")
        self.stdout.write(self.style.SUCCESS("Aucun problème trouvé."))


def run_audit(*, image_budget_kb: int = IMAGE_BUDGET_KB) -> list:
    host = next((host for host in settings.ALLOWED_HOSTS if host not in {"*", ""}), "localhost").lstrip(".")
    client = Client(HTTP_HOST=host)

    def fetch(path: str) -> tuple[int, str | None]:
        response = client.get(path)
        if not response.get("Content-Type", "").startswith("text/html"):
            return response.status_code, None
        return response.status_code, response.content.decode(errors="replace")

    with translation.override(settings.LANGUAGE_CODE):  # the founder reads the report in French
        return _audit(client=client, fetch=fetch, image_budget_kb=image_budget_kb)


def _audit(*, client: Client, fetch: Any, image_budget_kb: int) -> list:
    languages = [f"/{code}/" for code, _name in settings.LANGUAGES]
    private = [f"/{code}/{prefix}" for code, _name in settings.LANGUAGES for prefix in _translated(code)]
    return audit_site(
        fetch=fetch,
        start_paths=[*languages, *sorted(sitemap_paths())],
        private_prefixes=private,
        image_budget_bytes=image_budget_kb * 1024,
    )


def _translated(language: str) -> list[str]:
    with translation.override(language):
        return [str(prefix) for prefix in PRIVATE_PREFIXES]
