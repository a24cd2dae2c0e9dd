"""``manage.py restore ARCHIVE``: puts a backup back, replacing the database and the media files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comptoir.core.services.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restaure une sauvegarde : remplace la base de données et remet les médias."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="L'archive .tar.gz écrite par manage.py backup")
        parser.add_argument("--yes", action="store_true", help="Ne pas demander de confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"{archive} : fichier introuvable.")
        if not options["yes"]:
            answer = input("La base actuelle sera remplacée par la sauvegarde. Continuer ? [oui/non] ")
            if answer.strip().lower() not in {"oui", "o", "yes", "y"}:
                raise CommandError("Restauration annulée.")
        try:
            restore(archive=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sauvegarde restaurée : {archive}")
