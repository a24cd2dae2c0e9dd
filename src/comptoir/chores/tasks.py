"""Celery beat sends one of these per chore and slot (config/celery.py); the worker runs it once."""

from __future__ import annotations

from celery import shared_task

from .schedule import chore_named
from .services.run_chore import run_chore


@shared_task(name="comptoir.chores.run_chore", ignore_result=True)
def run_chore_task(command: str) -> None:
    run_chore(chore=chore_named(command))
