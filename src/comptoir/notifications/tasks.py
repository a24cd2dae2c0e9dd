"""The one Celery task: it imports a job by its dotted path and runs it (see ``jobs.enqueue``)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from celery import shared_task

from .jobs import JOB_PACKAGE


def resolve_job(path: str) -> Any:
    module_name, _, function_name = path.partition(":")
    # A message on the broker names the code to run: only our own package may be named.
    if not module_name.startswith(JOB_PACKAGE) or not function_name:
        raise ValueError(f"Refusing to run {path!r}: not a comptoir job.")
    target: Any = import_module(module_name)
    for part in function_name.split("."):
        target = getattr(target, part)
    return target


@shared_task(
    name="comptoir.run_job", acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def run_job(path: str, kwargs: dict[str, Any]) -> None:
    resolve_job(path)(**kwargs)
