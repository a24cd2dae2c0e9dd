"""``manage.py run_pending_jobs``: run again the emails and jobs that failed (cron, every 5 minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from comptoir.notifications.services.pending_jobs import run_pending_jobs


class Command(BaseCommand):
    help = "Relance les envois et tâches qui ont échoué (serveur de courriel indisponible…)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = run_pending_jobs()
        self.stdout.write(
            f"{report.done} faite(s), {report.failed} à réessayer plus tard, {report.given_up} abandonnée(s)."
        )
