"""A backup taken, the shop changed, the backup restored: everything is as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from comptoir.accounts.models import User
from comptoir.orders.models import Order
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory


def snapshot() -> list[tuple]:
    return [
        *User.objects.order_by("pk").values_list("pk", "email", "first_name"),
        *Order.objects.order_by("pk").values_list("pk", "number", "status", "total_gross"),
    ]


@pytest.mark.django_db(transaction=True)
def test_backup_change_restore_gives_back_the_same_shop(tmp_path):
    UserFactory(email="camille@example.com", first_name="Camille")
    OrderFactory(number="ML-26-000001")
    photo = Path(settings.MEDIA_ROOT) / "backup-test" / "photo.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"the original photo")
    before = snapshot()

    out = io.StringIO()
    call_command("backup", "--to", str(tmp_path), stdout=out)
    archive = Path(out.getvalue().strip())
    assert archive.parent == tmp_path and archive.name.endswith(".tar.gz")

    User.objects.filter(email="camille@example.com").update(first_name="Mallory")
    Order.objects.all().delete()
    UserFactory(email="intruder@example.com")
    photo.write_bytes(b"overwritten")
    assert snapshot() != before

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert snapshot() == before
    assert photo.read_bytes() == b"the original photo"


@pytest.mark.django_db
def test_restore_refuses_a_missing_archive(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "nothing.tar.gz"), "--yes")


@pytest.mark.django_db(transaction=True)
def test_the_nightly_backup_keeps_only_the_newest_archives(tmp_path, settings):
    for day in range(1, 16):
        (tmp_path / f"comptoir-202611{day:02d}-031500.tar.gz").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("not an archive: kept")
    settings.COMPTOIR_BACKUPS_KEPT = 3

    out = io.StringIO()
    call_command("backup", "--to", str(tmp_path), stdout=out)
    new_archive = Path(out.getvalue().splitlines()[0])
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == [
        "comptoir-20261114-031500.tar.gz",
        "comptoir-20261115-031500.tar.gz",
        new_archive.name,
        "notes.txt",
    ]
    assert out.getvalue().count("\n- comptoir-202611") == 13
