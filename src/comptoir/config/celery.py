"""The Celery application: background jobs go through Redis when ``REDIS_URL`` is set.

Without ``REDIS_URL`` nothing here runs: ``notifications.jobs.enqueue`` calls the job in-process,
after the caller's commit. Start a worker with ``celery -A comptoir.config worker``.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comptoir.config.settings")

app = Celery("comptoir")
# Every CELERY_* setting in config/settings.py configures the app (CELERY_BROKER_URL, ...).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def schedule_chores(sender: Celery, **kwargs: object) -> None:
    """Celery beat sends each chore of the one schedule (chores/schedule.py) at its moments."""
    from celery.schedules import crontab

    from comptoir.chores.schedule import SCHEDULE

    for chore in SCHEDULE:
        sender.add_periodic_task(
            crontab(**chore.cron()),
            sender.signature("comptoir.chores.run_chore", args=(chore.command,)),
            name=chore.command,
        )
