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
