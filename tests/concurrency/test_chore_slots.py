"""Two schedulers started by mistake, at the same instant: each due chore still runs exactly once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from comptoir.chores.models import ChoreRun
from comptoir.chores.schedule import SCHEDULE
from comptoir.chores.services.run_chore import run_due_chores
from tests.concurrency.helpers import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_schedulers_run_each_due_chore_once(threads_database, monkeypatch):
    ran: list[str] = []
    monkeypatch.setattr(
        "comptoir.chores.services.run_chore.call_command", lambda command, **kwargs: ran.append(command)
    )
    now = datetime(2026, 12, 8, 14, 7, tzinfo=UTC)

    outcomes = run_at_once(lambda index: run_due_chores(chores=SCHEDULE, now=now), threads=4)

    assert [repr(outcome.error) for outcome in outcomes if outcome.error] == []
    assert sorted(ran) == sorted(chore.command for chore in SCHEDULE)
    assert sum(len(outcome.result) for outcome in outcomes) == len(SCHEDULE)
    assert ChoreRun.objects.count() == len(SCHEDULE)
    # Started again within the same slots: nothing more runs.
    assert run_due_chores(chores=SCHEDULE, now=now + timedelta(seconds=30)) == []
    assert len(ran) == len(SCHEDULE)
