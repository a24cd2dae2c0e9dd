"""Write the page views waiting in the cache: run it every few minutes from cron (or a Celery beat)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from comptoir.analytics.services.record_page_view import flush_page_views


class Command(BaseCommand):
    help = "Écrit en une fois dans la base les pages vues en attente dans le cache."

    def handle(self, *args: Any, **options: Any) -> None:
        written = flush_page_views()
        self.stdout.write(f"{written} page views written")
