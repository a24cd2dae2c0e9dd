"""What the cockpit shows of the chores: last run, its result, the next run, and what needs her eye."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max

from .models import ChoreRun
from .schedule import SCHEDULE, Chore


@dataclass(frozen=True)
class ChoreStatus:
    chore: Chore
    last_run: ChoreRun | None
    next_run: datetime

    @property
    def has_failed(self) -> bool:
        return self.last_run is not None and self.last_run.succeeded is False

    def is_late(self, *, now: datetime) -> bool:
        """Not run for twice its period (a scheduler that stopped, or never started)."""
        last = self.last_run.slot if self.last_run else None
        return last is None or now - last > 2 * self.chore.period

    def needs_attention(self, *, now: datetime) -> bool:
        return self.has_failed or self.is_late(now=now)


def chore_statuses(*, now: datetime) -> list[ChoreStatus]:
    latest: dict[str, datetime] = dict(
        ChoreRun.objects.filter(command__in=[chore.command for chore in SCHEDULE])
        .values("command")
        .annotate(slot=Max("slot"))
        .values_list("command", "slot")
    )
    runs = {
        (run.command, run.slot): run
        for run in ChoreRun.objects.filter(command__in=latest, slot__in=set(latest.values()))
    }
    return [
        ChoreStatus(
            chore=chore,
            last_run=runs.get((chore.command, latest[chore.command])) if chore.command in latest else None,
            next_run=chore.next_run(now=now),
        )
        for chore in SCHEDULE
    ]
