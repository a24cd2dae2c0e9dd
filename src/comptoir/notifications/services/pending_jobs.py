"""Keep a job that failed to run or to reach the broker, and run the kept ones again later.

Delays grow as 1, 2, 4 … minutes, capped at six hours; after ``MAX_ATTEMPTS`` the job is given up
(kept, dated, counted on the cockpit's home page and in the admin) rather than retried forever.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from ..models import PendingJob

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
LONGEST_WAIT = timedelta(hours=6)
LEASE = timedelta(minutes=15)  # a claimed job's next try, should its run die without a word


def _wait(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), LONGEST_WAIT)


def keep_for_later(*, path: str, kwargs: dict[str, Any], error: BaseException) -> PendingJob:
    """Called where a job just failed (or never reached the broker): it will be tried again."""
    logger.warning("job %s kept for later: %r", path, error)
    return PendingJob.objects.create(
        path=path, kwargs=kwargs, attempts=1, run_after=timezone.now() + _wait(1), last_error=repr(error)
    )


@dataclass(frozen=True)
class RetryReport:
    done: int
    failed: int
    given_up: int


def run_pending_jobs(*, limit: int = 200) -> RetryReport:
    """Runs the jobs whose time has come, once each even when two crons overlap.

    A job is claimed by an atomic conditional update that moves its next try past a lease; the job
    then runs outside any transaction (it may talk to a mail server) and is deleted or rescheduled.
    """
    from ..tasks import resolve_job  # the Celery task's resolver: one list of what may run

    done = failed = given_up = 0
    now = timezone.now()
    due = PendingJob.objects.filter(given_up_at=None, run_after__lte=now).values_list("pk", flat=True)
    for job_id in list(due[:limit]):
        claimed = PendingJob.objects.filter(pk=job_id, given_up_at=None, run_after__lte=now).update(
            run_after=timezone.now() + LEASE
        )
        if not claimed:  # another run took it
            continue
        job = PendingJob.objects.get(pk=job_id)
        try:
            resolve_job(job.path)(**job.kwargs)
        except Exception as error:  # any failure: kept and retried, never lost
            job.attempts += 1
            job.last_error = repr(error)
            if job.attempts >= MAX_ATTEMPTS:
                job.given_up_at = timezone.now()
                given_up += 1
                logger.error("job %s given up after %s attempts: %r", job.path, job.attempts, error)
            else:
                job.run_after = timezone.now() + _wait(job.attempts)
                failed += 1
            job.save(update_fields=["attempts", "last_error", "given_up_at", "run_after"])
        else:
            job.delete()
            done += 1
    return RetryReport(done=done, failed=failed, given_up=given_up)
