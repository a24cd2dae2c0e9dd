"""Race tests run on what production runs: PostgreSQL as it is, SQLite as a file in WAL mode.

pytest-django's SQLite test database lives in memory in "shared cache" mode. There, SQLite locks
tables rather than the database and answers a second writer with "database table is locked" at
once: the busy timeout, and so the IMMEDIATE transactions of config/settings.py, do not apply. A
race test on it would only measure that artefact (or need a retry loop that production does not
have). So for SQLite the ``threads_database`` fixture copies the migrated test database to a
temporary file and points the connection settings at it for the test: every thread then opens
the same file with the shop's own options (WAL, IMMEDIATE, 20 s timeout), exactly as `make run`
does, and no retry is needed: BEGIN IMMEDIATE queues the writers.
"""

from __future__ import annotations

import sqlite3

import pytest
from django.db import connection, connections


@pytest.fixture
def threads_database(transactional_db, tmp_path):
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield connection.vendor
        return
    settings_dict = connection.settings_dict  # shared with every connection Django opens from now on
    memory_name = settings_dict["NAME"]
    # The in-memory database lives as long as one connection to it is open: keep one aside.
    keeper = sqlite3.connect(memory_name, uri=True)
    file_path = tmp_path / "race.sqlite3"
    with sqlite3.connect(file_path) as copy:
        keeper.backup(copy)
    copy.close()
    settings_dict["NAME"] = str(file_path)
    connection.close()  # no longer "in memory" for Django, so this really closes the old connection
    try:
        yield "sqlite-file"
    finally:
        connections.close_all()
        settings_dict["NAME"] = memory_name
        connection.ensure_connection()  # back on the in-memory database before the keeper lets go
        keeper.close()
