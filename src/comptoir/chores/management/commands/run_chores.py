"""``manage.py run_chores``: the shop's chores on one machine without Redis, no cron line to write.

A long-running process (APScheduler) that runs each chore of ``chores.schedule.SCHEDULE`` at its
moments, and at start every chore whose current slot has not run yet (catching up after a stop).
``--once`` runs what is due and exits. Two schedulers started by mistake still run each slot once.
"""

from __future__ import annotations

from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from comptoir.chores.schedule import SCHEDULE, Chore
from comptoir.chores.services.run_chore import run_chore, run_due_chores


class Command(BaseCommand):
    help = "Lance les tâches automatiques de la boutique à leur heure (sans cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Lance ce qui est dû, puis s'arrête.")

    def handle(self, *args: Any, **options: Any) -> None:
        for run in run_due_chores(chores=SCHEDULE):
            self.stdout.write(f"{run.command}: {'ok' if run.succeeded else 'ÉCHEC'}")
        if options["once"]:
            return
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        for chore in SCHEDULE:
            scheduler.add_job(
                _run_in_thread,
                CronTrigger(**chore.cron(), timezone=settings.TIME_ZONE),
                kwargs={"chore": chore},
                id=chore.command,
                coalesce=True,
                max_instances=1,
                misfire_grace_time=int(chore.period.total_seconds() // 2),
            )
        self.stdout.write(f"{len(SCHEDULE)} tâches planifiées.")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)


def _run_in_thread(*, chore: Chore) -> None:
    # APScheduler runs jobs in its own threads: each opens (and leaves) a fresh database connection.
    close_old_connections()
    try:
        run_chore(chore=chore)
    finally:
        close_old_connections()
