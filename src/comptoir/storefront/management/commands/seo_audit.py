"""``manage.py seo_audit``: every public page checked as a crawler sees it; exit status 1 on a problem."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from comptoir.seo.site_audit import IMAGE_BUDGET_KB, run_site_audit
from comptoir.shop.profile import current_profile


class Command(BaseCommand):
    help = "Audit SEO de toutes les pages publiques de la boutique."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--image-budget-kb", type=int, default=IMAGE_BUDGET_KB)

    def handle(self, *args: Any, **options: Any) -> None:
        problems = run_site_audit(image_budget_kb=options["image_budget_kb"])
        site = current_profile().public_url
        for problem in problems:
            fix = f"  → {site}{problem.fix_url}" if problem.fix_url else ""
            self.stdout.write(f"{problem.url}  [{problem.kind}]  {problem.message}{fix}")
        if problems:
            raise CommandError(f"{len(problems)} problème(s) trouvé(s).")
        self.stdout.write(self.style.SUCCESS("Aucun problème trouvé."))
