"""``manage.py backup [--to FOLDER]``: the database and the media in one dated archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comptoir.core.services.backups import BackupError, backup, prune_backups


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les médias dans une archive datée."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to", default=str(Path(settings.VAR_DIR) / "backups"), help="Dossier de destination"
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.COMPTOIR_BACKUPS_KEPT,
            help="Nombre d'archives gardées dans ce dossier (les plus anciennes sont effacées ; 0 : toutes)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            archive = backup(destination=Path(options["to"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
        for removed in prune_backups(destination=Path(options["to"]), keep=options["keep"]):
            self.stdout.write(f"- {removed.name}")
