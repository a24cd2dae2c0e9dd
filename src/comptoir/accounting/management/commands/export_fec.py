"""``manage.py export_fec 2026``: the FEC of a fiscal year (calendar year unless --start/--end say)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comptoir.invoicing.seller import current_seller

from ...exports import fec_file, fec_filename
from ...ledger import ledger


class Command(BaseCommand):
    help = "Écrit le fichier des écritures comptables (FEC) d'un exercice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int, nargs="?", help="exercice civil, par exemple 2026")
        parser.add_argument("--start", type=dt.date.fromisoformat, help="premier jour (AAAA-MM-JJ)")
        parser.add_argument("--end", type=dt.date.fromisoformat, help="jour de clôture (AAAA-MM-JJ)")
        parser.add_argument("--output-dir", type=Path, default=Path())

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = options["start"], options["end"]
        if options["year"]:
            start, end = dt.date(options["year"], 1, 1), dt.date(options["year"], 12, 31)
        if start is None or end is None or start > end:
            raise CommandError("Donnez une année, ou --start et --end (le premier avant le second).")
        unbalanced = [entry.number for entry in ledger(start=start, end=end) if not entry.is_balanced]
        if unbalanced:
            raise CommandError(f"Écritures déséquilibrées : {', '.join(unbalanced)}")
        path = options["output_dir"] / fec_filename(siren=current_seller().siret[:9], end=end)
        path.write_bytes(fec_file(start=start, end=end))
        self.stdout.write(self.style.SUCCESS(str(path)))
