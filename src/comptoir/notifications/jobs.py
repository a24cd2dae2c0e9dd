"""One way to run a background job, whatever the deployment.

``enqueue(job, **kwargs)`` sends the job to a Celery worker through Redis when ``settings.REDIS_URL``
is set, and runs it in this process otherwise. Callers are already after their commit
(``transaction.on_commit``), so running in-process never runs inside a transaction that may roll back.

A job is a module-level function of ``comptoir`` taking JSON-serialisable keyword arguments (ids,
strings): the worker receives its dotted path and imports it, so the job itself needs no Celery code.

A job that fails in-process, or that cannot reach the broker, never fails the request that asked for it
(the order is placed, the page answers): it is kept in ``PendingJob`` and run again by
``manage.py run_pending_jobs``. The worker retries its own failures, then keeps them there too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

JOB_PACKAGE = "comptoir."


def job_path(job: Callable[..., Any]) -> str:
    path = f"{job.__module__}:{job.__qualname__}"
    if not path.startswith(JOB_PACKAGE) or "<" in path:
        raise ValueError(f"{path} is not a module-level function of comptoir: a worker could not import it.")
    return path


def uses_worker() -> bool:
    return bool(getattr(settings, "REDIS_URL", ""))


def enqueue(job: Callable[..., Any], **kwargs: Any) -> None:
    path = job_path(job)
    if getattr(settings, "COMPTOIR_DROP_JOBS", False):  # the demo's replayed past: no one to write to
        logger.debug("job %s dropped", path)
        return
    if uses_worker():
        from .tasks import run_job

        try:
            run_job.delay(path, kwargs)
        except Exception as error:  # the broker is down: the job waits in the database
            _keep_for_later(path, kwargs, error)
    else:
        try:
            job(**kwargs)
        except Exception as error:  # e.g. the mail server is down: late, never lost
            _keep_for_later(path, kwargs, error)


def _keep_for_later(path: str, kwargs: dict[str, Any], error: Exception) -> None:
    from .services.pending_jobs import keep_for_later

    keep_for_later(path=path, kwargs=kwargs, error=error)
