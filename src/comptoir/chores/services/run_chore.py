"""Run a chore for its current slot, once: the slot is claimed by a unique row before the work starts."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import ChoreRun
from ..schedule import Chore

logger = logging.getLogger(__name__)
OUTPUT_KEPT = 4000  # characters of the command's report kept for the cockpit


def run_chore(*, chore: Chore, now: datetime | None = None) -> ChoreRun | None:
    """The run, or None when another scheduler already claimed this slot (nothing is done twice)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            run = ChoreRun.objects.create(
                command=chore.command, slot=chore.slot(now=now), started_at=timezone.now()
            )
    except IntegrityError:
        return None
    out = io.StringIO()
    try:
        call_command(chore.command, stdout=out, stderr=out)
    except Exception as error:  # a failed chore is recorded and shown to the founder, never re-raised
        logger.exception("Chore %s failed", chore.command)
        run.succeeded = False
        out.write(f"\n{type(error).__name__}: {error}")
    else:
        run.succeeded = True
    run.finished_at = timezone.now()
    run.output = out.getvalue().strip()[-OUTPUT_KEPT:]
    run.save(update_fields=["succeeded", "finished_at", "output"])
    return run


def run_due_chores(*, chores: tuple[Chore, ...], now: datetime | None = None) -> list[ChoreRun]:
    """Every chore whose current slot has no run yet (a scheduler that starts, or catches up)."""
    now = now or timezone.now()
    claimed = set(
        ChoreRun.objects.filter(
            command__in=[chore.command for chore in chores],
            slot__in=[chore.slot(now=now) for chore in chores],
        ).values_list("command", "slot")
    )
    runs = []
    for chore in chores:
        if (chore.command, chore.slot(now=now)) not in claimed and (run := run_chore(chore=chore, now=now)):
            runs.append(run)
    return runs
