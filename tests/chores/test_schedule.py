"""One schedule for every chore: the README's table, Celery beat and the scheduler process agree."""

import re
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command

from comptoir.chores.models import ChoreRun
from comptoir.chores.schedule import SCHEDULE, Chore, chore_named
from comptoir.chores.services.run_chore import run_chore

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"`manage\.py (\w+)`[^|]*?scheduled (?:every (\d+) minutes?|daily at (\d\d):(\d\d))")


def readme_chores() -> dict[str, Chore]:
    found = {}
    for command, minutes, hour, minute in ROW.findall(README.read_text()):
        every = timedelta(minutes=int(minutes)) if minutes else None
        at = None if minutes else time(int(hour), int(minute))
        found[command] = Chore(command, command, every=every, at=at)
    return found


def test_every_chore_of_the_readme_is_in_the_one_schedule_at_the_same_moments():
    documented = readme_chores()
    assert len(documented) == 9
    scheduled = {chore.command: chore for chore in SCHEDULE}
    assert set(documented) == set(scheduled)
    for command, chore in documented.items():
        assert (scheduled[command].every, scheduled[command].at) == (chore.every, chore.at), command


def test_celery_beat_sends_each_chore_of_the_schedule():
    from comptoir.config.celery import app

    app.finalize()
    beat = app.conf.beat_schedule
    assert {entry["args"][0] for entry in beat.values()} == {chore.command for chore in SCHEDULE}
    backup = next(entry for entry in beat.values() if entry["args"] == ("backup",))
    assert backup["task"] == "comptoir.chores.run_chore"
    assert (backup["schedule"].hour, backup["schedule"].minute) == ({3}, {15})


def test_slots_and_next_runs_in_the_shops_time():
    paris = datetime(2026, 12, 8, 14, 7, 30, tzinfo=UTC)  # 15:07:30 in Paris
    every_five = chore_named("run_pending_jobs")
    assert every_five.slot(now=paris).strftime("%H:%M") == "15:05"
    assert every_five.next_run(now=paris).strftime("%H:%M") == "15:10"
    nightly = chore_named("backup")
    assert nightly.slot(now=paris).strftime("%d %H:%M") == "08 03:15"
    assert nightly.next_run(now=paris).strftime("%d %H:%M") == "09 03:15"
    before_dawn = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)  # 02:00 in Paris: yesterday's backup is the due one
    assert nightly.slot(now=before_dawn).strftime("%d %H:%M") == "07 03:15"
    with pytest.raises(ValueError):
        Chore("x", "x", every=timedelta(minutes=7))


@pytest.mark.django_db
def test_a_chore_runs_once_per_slot_and_its_failure_is_recorded(monkeypatch):
    now = datetime(2026, 12, 8, 14, 7, tzinfo=UTC)
    run = run_chore(chore=chore_named("flush_page_views"), now=now)
    assert run is not None and run.succeeded is True
    assert run_chore(chore=chore_named("flush_page_views"), now=now + timedelta(seconds=20)) is None
    assert run_chore(chore=chore_named("flush_page_views"), now=now + timedelta(minutes=1)) is not None

    def broken(*args, **kwargs):
        raise RuntimeError("mail server down")

    monkeypatch.setattr("comptoir.chores.services.run_chore.call_command", broken)
    failed = run_chore(chore=chore_named("send_comment_digest"), now=now)
    assert failed is not None and failed.succeeded is False
    assert "RuntimeError: mail server down" in failed.output
    assert ChoreRun.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_process_started_twice_on_sqlite_runs_a_due_chore_once(tmp_path, monkeypatch):
    ran: list[str] = []
    monkeypatch.setattr(
        "comptoir.chores.services.run_chore.call_command", lambda command, **kwargs: ran.append(command)
    )
    call_command("run_chores", "--once", stdout=open(tmp_path / "first", "w"))  # noqa: SIM115
    call_command("run_chores", "--once", stdout=open(tmp_path / "second", "w"))  # noqa: SIM115
    assert sorted(ran) == sorted(chore.command for chore in SCHEDULE)
    assert (tmp_path / "second").read_text() == ""
