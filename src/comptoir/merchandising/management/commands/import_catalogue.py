"""``manage.py import_catalogue catalogue.csv``: the catalogue sheet, all or nothing, with a progress bar.

``--dry-run`` lists what the file would change and writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...catalogue_sheet import CatalogueRefused, apply_catalogue_sheet, preview_catalogue_sheet


class Command(BaseCommand):
    help = "Importe le catalogue en tableur (CSV ; rien n'est écrit si une ligne est fausse)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Montrer les changements sans rien écrire."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            if done == total:
                self.stdout.write("")

        content = options["path"].read_bytes()
        try:
            if options["dry_run"]:
                outcome = preview_catalogue_sheet(content=content)
            else:
                outcome = apply_catalogue_sheet(content=content, progress=progress)
        except CatalogueRefused as refused:
            raise CommandError("\n".join(refused.messages)) from refused
        for change in outcome.changes:
            self.stdout.write(f"  {change}")
        verb = "seraient importées" if options["dry_run"] else "importées"
        self.stdout.write(
            self.style.SUCCESS(f"{outcome.rows} ligne(s) {verb}, {outcome.new} nouvelle(s) variante(s).")
        )
