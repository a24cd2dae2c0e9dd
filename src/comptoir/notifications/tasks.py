"""The one Celery task: it imports a job by its dotted path and runs it (see ``jobs.enqueue``)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from celery import Task, shared_task

from .jobs import JOB_PACKAGE
from .services.pending_jobs import keep_for_later


def resolve_job(path: str) -> Any:
    module_name, _, function_name = path.partition(":")
    # A message on the broker names the code to run: only our own package may be named.
    if not module_name.startswith(JOB_PACKAGE) or not function_name:
        raise ValueError(f"Refusing to run {path!r}: not a comptoir job.")
    target: Any = import_module(module_name)
    for part in function_name.split("."):
        target = getattr(target, part)
    return target


@shared_task(bind=True, name="comptoir.run_job", acks_late=True, max_retries=5)
def run_job(self: Task, path: str, kwargs: dict[str, Any]) -> None:
    try:
        resolve_job(path)(**kwargs)
    except OSError as error:  # a mail server down: retried with a growing delay, then kept in the database
        if self.request.retries >= (self.max_retries or 0):
            keep_for_later(path=path, kwargs=kwargs, error=error)
            return
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
