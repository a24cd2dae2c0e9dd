"""``manage.py backup [--to FOLDER]``: the database and the media in one dated archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comptoir.core.services.backups import BackupError, backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les médias dans une archive datée."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to", default=str(Path(settings.VAR_DIR) / "backups"), help="Dossier de destination"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            archive = backup(destination=Path(options["to"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
