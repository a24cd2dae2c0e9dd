"""The cockpit lists each chore with its last run, result and next run, and « Aujourd'hui » warns."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comptoir.chores.models import ChoreRun
from comptoir.chores.schedule import SCHEDULE, chore_named
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def all_ran_now(*, except_for: str = "") -> None:
    now = timezone.now()
    for chore in SCHEDULE:
        if chore.command != except_for:
            ChoreRun.objects.create(
                command=chore.command,
                slot=chore.slot(now=now),
                started_at=now,
                finished_at=now,
                succeeded=True,
            )


@pytest.fixture
def owner(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_owner_sees_each_chore_with_its_result_and_next_run(owner):
    all_ran_now(except_for="backup")
    now = timezone.now()
    backup = chore_named("backup")
    ChoreRun.objects.create(
        command="backup", slot=backup.slot(now=now), started_at=now, finished_at=now, succeeded=False,
        output="BackupError: disque plein",
    )  # fmt: skip
    page = owner.get("/fr/atelier/taches/").content.decode()
    assert page.count("<tr") == 1 + len(SCHEDULE)
    assert "Sauvegarde de la base et des médias" in page and "chaque jour à 03:15" in page
    assert "toutes les 15 minutes" in page and "chaque minute" in page
    assert page.count("Réussie") == len(SCHEDULE) - 1
    assert "Échec" in page and "BackupError: disque plein" in page


def test_today_warns_the_owner_when_a_chore_failed_or_is_late(owner):
    all_ran_now()
    assert "demandent votre attention" not in owner.get("/fr/atelier/").content.decode()
    assert "demande votre attention" not in owner.get("/fr/atelier/").content.decode()

    run = ChoreRun.objects.get(command="send_comment_digest")
    run.succeeded = False
    run.save()
    page = owner.get("/fr/atelier/").content.decode()
    assert "Une tâche automatique demande votre attention" in page
    assert "Résumé des commentaires à modérer — a échoué à son dernier passage" in page

    # The page-view writer last ran 3 minutes ago, for a 1-minute period: late.
    ChoreRun.objects.filter(command="flush_page_views").update(slot=timezone.now() - timedelta(minutes=3))
    page = owner.get("/fr/atelier/").content.decode()
    assert "2 tâches automatiques demandent votre attention" in page
    assert "Écrire les pages vues — n'a pas tourné depuis deux fois sa période" in page


def test_a_shop_whose_scheduler_never_ran_is_told_so(owner):
    page = owner.get("/fr/atelier/").content.decode()
    assert f"{len(SCHEDULE)} tâches automatiques demandent votre attention" in page
    assert "n'a encore jamais tourné" in page


def test_packing_staff_neither_see_nor_open_the_chores(client):
    client.force_login(packer_user())
    assert client.get("/fr/atelier/taches/").status_code == 403
    assert "tâches automatiques" not in client.get("/fr/atelier/").content.decode()
