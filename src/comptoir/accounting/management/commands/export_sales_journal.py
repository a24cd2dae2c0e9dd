"""``manage.py export_sales_journal 2026-01-01 2026-03-31``: the sales journal of a period, as CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...exports import sales_journal_csv


class Command(BaseCommand):
    help = "Écrit le journal des ventes d'une période (CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("start", type=dt.date.fromisoformat, help="premier jour (AAAA-MM-JJ)")
        parser.add_argument("end", type=dt.date.fromisoformat, help="dernier jour (AAAA-MM-JJ)")
        parser.add_argument("--output", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = options["start"], options["end"]
        if start > end:
            raise CommandError("Le premier jour doit précéder le dernier.")
        path = options["output"] or Path(f"journal-des-ventes-{start}-{end}.csv")
        path.write_bytes(sales_journal_csv(start=start, end=end))
        self.stdout.write(self.style.SUCCESS(str(path)))
