"""``manage.py import_stock stock.csv``: the stock-and-prices sheet, all or nothing, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...stock_sheet import SheetRefused, apply_stock_sheet


class Command(BaseCommand):
    help = "Importe le tableau de stock et de prix (CSV ; rien n'est écrit si une ligne est fausse)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            if done == total:
                self.stdout.write("")

        try:
            count = apply_stock_sheet(content=options["path"].read_bytes(), progress=progress)
        except SheetRefused as refused:
            raise CommandError("\n".join(refused.messages)) from refused
        self.stdout.write(self.style.SUCCESS(f"{count} variante(s) mise(s) à jour."))
