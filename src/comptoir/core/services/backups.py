"""Backups of the whole shop: the database and the uploaded media, in one dated .tar.gz.

SQLite is copied with its online backup API (a consistent copy while the shop keeps selling);
PostgreSQL with ``pg_dump`` (custom format) and put back with ``pg_restore``. Restoring replaces the
database's content and puts the archived media files back in MEDIA_ROOT.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"
MEDIA_NAME = "media"


class BackupError(Exception):
    pass


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _postgres_environment() -> tuple[list[str], dict[str, str]]:
    database = settings.DATABASES["default"]
    arguments = ["--dbname", str(database["NAME"])]
    if database.get("HOST"):
        arguments += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", str(database["USER"])]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    return arguments, environment


def _dump_database(folder: Path) -> None:
    if _is_sqlite():
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_NAME)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return
    arguments, environment = _postgres_environment()
    command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / POSTGRES_NAME), *arguments]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(result.stderr.strip())


def backup(*, destination: Path) -> Path:
    """Writes ``comptoir-<date>.tar.gz`` into the ``destination`` folder and returns its path."""
    destination.mkdir(parents=True, exist_ok=True)
    archive = destination / f"comptoir-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        _dump_database(folder)
        with tarfile.open(archive, "w:gz") as tar:
            for name in (SQLITE_NAME, POSTGRES_NAME):
                if (folder / name).exists():
                    tar.add(folder / name, arcname=name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname=MEDIA_NAME)
    return archive


def prune_backups(*, destination: Path, keep: int) -> list[Path]:
    """Deletes all but the ``keep`` newest archives of the folder (names sort by date); returns them."""
    archives = sorted(destination.glob("comptoir-*.tar.gz"))
    removed = archives[:-keep] if keep > 0 else []
    for archive in removed:
        archive.unlink()
    return removed


def _load_database(folder: Path) -> None:
    if (folder / SQLITE_NAME).exists():
        if not _is_sqlite():
            raise BackupError("Cette sauvegarde vient de SQLite ; la base configurée est PostgreSQL.")
        connection.ensure_connection()
        source = sqlite3.connect(folder / SQLITE_NAME)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    if not (folder / POSTGRES_NAME).exists():
        raise BackupError("Cette archive ne contient pas de base de données.")
    if _is_sqlite():
        raise BackupError("Cette sauvegarde vient de PostgreSQL ; la base configurée est SQLite.")
    connection.close()
    arguments, environment = _postgres_environment()
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *arguments]
    result = subprocess.run(  # noqa: S603
        [*command, str(folder / POSTGRES_NAME)], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip())


def restore(*, archive: Path) -> None:
    """Puts the database and the media of ``archive`` back, replacing what is there now."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")  # "data": no absolute paths, links or devices
        _load_database(folder)
        media = folder / MEDIA_NAME
        if media.is_dir():
            shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
