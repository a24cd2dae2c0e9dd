"""The go-live checklist turns green point by point; the shop opens only when all are green."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from comptoir.chores.models import ChoreRun
from comptoir.chores.schedule import SCHEDULE
from comptoir.content.models import LegalRole, Page
from comptoir.golive.checklist import go_live_checklist
from comptoir.golive.models import LaunchState
from comptoir.golive.services.demo_rows import recording_demo_rows
from comptoir.golive.services.launch import close_shop_until_opened, shop_is_open
from comptoir.invoicing.models import SellerSettings
from tests.backoffice.conftest import packer_user
from tests.factories import ProductFactory, UserFactory
from tests.factories.shipping import WeightBandFactory

pytestmark = pytest.mark.django_db

GO_LIVE = "/fr/atelier/ouverture/"


@pytest.fixture
def owner(client):
    user = UserFactory(is_staff=True, is_superuser=True, email="jeanne@atelier-orme.fr")
    client.force_login(user)
    close_shop_until_opened()
    return client


def done() -> dict[str, bool]:
    return {item.key: item.is_done for item in go_live_checklist()}


def save_identity() -> None:
    SellerSettings.objects.create(
        pk=1, legal_name="Atelier Orme SARL", legal_form="SARL", address="4 quai des Tanneurs\n69001 Lyon",
        siret="55208131766522", vat_number="FR83552081317", bank_holder="Atelier Orme SARL",
        iban="FR1420041010050500013M02606", bic="PSSTFRPPLIL", late_payment_rate=Decimal("12.15"),
    )  # fmt: skip


def write_legal_pages(*, placeholder_in: str = "") -> None:
    for position, role in enumerate(LegalRole):
        body = "Texte complet." if role != placeholder_in else "Médiateur : [à compléter]"
        Page.objects.create(
            title_fr=str(role.label), slug_fr=f"legal-{position}", body_fr=body, body_en="Full text.",
            legal_role=role, position=position,
        )  # fmt: skip


def backups_ran(*, succeeded: bool = True) -> None:
    now = timezone.now()
    for chore in SCHEDULE:
        ChoreRun.objects.create(
            command=chore.command, slot=chore.slot(now=now), started_at=now, finished_at=now,
            succeeded=succeeded if chore.command == "backup" else True,
        )  # fmt: skip


def test_each_point_turns_green_once_fixed_then_the_shop_opens(owner, settings, mailoutbox):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["bank_transfer"]
    with recording_demo_rows():
        ProductFactory(name_fr="Chemise de la démo")
    assert done() == {
        "identity": False, "legal_pages": False, "payment": False, "delivery": False, "demo": False,
        "test_email": False, "backups": False,
    }  # fmt: skip
    page = owner.get(GO_LIVE).content.decode()
    assert "0 / 7" in page and "Champ manquant\u00a0: SIRET" in page
    assert re.search(r"<button[^>]*disabled[^>]*>Ouvrir la boutique", page)

    save_identity()
    assert done()["identity"] and done()["payment"]  # her IBAN makes the transfer hers

    write_legal_pages(placeholder_in=LegalRole.LEGAL_NOTICE)
    assert not done()["legal_pages"]
    still = "«\u00a0Mentions légales\u00a0» contient encore «\u00a0[à compléter]\u00a0»."
    assert still in owner.get(GO_LIVE).content.decode()
    Page.objects.filter(legal_role=LegalRole.LEGAL_NOTICE).update(body_fr="Médiateur : CM2C, Paris.")
    assert done()["legal_pages"]

    WeightBandFactory()
    assert done()["delivery"]

    owner.post("/fr/atelier/ouverture/retirer-la-demo/")
    assert done()["demo"]

    owner.post("/fr/atelier/ouverture/courriel-d-essai/")
    assert [message.to for message in mailoutbox] == [["jeanne@atelier-orme.fr"]]
    assert not done()["test_email"]
    link = re.search(r"http://\S+/courriel-d-essai/\S+/", mailoutbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    anonymous = owner.__class__()  # she may click it on her phone, signed out
    assert anonymous.get(path).status_code == 200
    assert not done()["test_email"]  # a mail scanner fetching the link confirms nothing
    assert "Courriel reçu" in anonymous.post(path).content.decode()
    assert done()["test_email"]

    owner.post("/fr/atelier/ouverture/ouvrir/")
    assert not shop_is_open()  # backups never ran: still closed
    backups_ran()
    assert all(done().values())
    response = owner.post("/fr/atelier/ouverture/ouvrir/")
    assert response["Location"] == "/fr/atelier/"
    assert shop_is_open() and LaunchState.objects.get().opened_at is not None


def test_a_failed_backup_or_a_stopped_scheduler_keeps_the_point_red(owner):
    backups_ran(succeeded=False)
    item = next(item for item in go_live_checklist() if item.key == "backups")
    assert (item.is_done, item.problems) == (False, ["La dernière sauvegarde a échoué."])

    ChoreRun.objects.update(succeeded=True, started_at=timezone.now() - timezone.timedelta(days=2))
    item = next(item for item in go_live_checklist() if item.key == "backups")
    assert item.problems == ["Le planificateur des tâches automatiques ne tourne pas."]


def test_the_identity_standing_in_is_the_demos_so_it_counts_as_missing(owner, settings):
    settings.COMPTOIR_SELLER_FROM_ENVIRONMENT = False
    item = next(item for item in go_live_checklist() if item.key == "identity")
    assert item.problems == [
        f"Champ manquant\u00a0: {field}"
        for field in ("raison sociale", "forme juridique", "SIRET", "numéro de TVA", "adresse du siège")
    ]


def test_a_confirmation_link_altered_or_replaced_confirms_nothing(owner, mailoutbox):
    owner.post("/fr/atelier/ouverture/courriel-d-essai/")
    first = re.search(r"/fr/atelier/ouverture/courriel-d-essai/\S+/", mailoutbox[0].body).group(0)
    owner.post("/fr/atelier/ouverture/courriel-d-essai/")  # a second email replaces the first
    second = re.search(r"/fr/atelier/ouverture/courriel-d-essai/\S+/", mailoutbox[1].body).group(0)

    assert owner.post(first).status_code == 400
    assert owner.post(second[:-5] + "xxxx/").status_code == 400
    assert LaunchState.objects.get().test_email_confirmed_at is None
    assert owner.post(second).status_code == 200
    assert LaunchState.objects.get().test_email_confirmed_at is not None


def test_production_adds_django_deployment_checks(owner, settings):
    settings.IS_PRODUCTION = True
    settings.SECURE_HSTS_SECONDS = 0
    item = next(item for item in go_live_checklist() if item.key == "deploy")
    assert not item.is_done and any(problem.startswith("security.W004") for problem in item.problems)


def test_only_the_owner_sees_the_checklist_and_acts(client):
    client.force_login(packer_user())
    close_shop_until_opened()
    assert client.get(GO_LIVE).status_code == 403
    assert client.post("/fr/atelier/ouverture/ouvrir/").status_code == 403
    assert client.post("/fr/atelier/ouverture/retirer-la-demo/").status_code == 403
    assert not shop_is_open()
    assert len(mail.outbox) == 0


def test_today_links_the_checklist_until_the_shop_opens(owner):
    assert "Voir la liste d'ouverture" in owner.get("/fr/atelier/").content.decode()
    LaunchState.objects.update(is_open=True)
    from comptoir.golive.services.launch import forget_opening_state

    forget_opening_state()
    assert "Voir la liste d'ouverture" not in owner.get("/fr/atelier/").content.decode()


def test_the_page_reads_in_english(owner):
    page = owner.get("/en/workshop/opening/").content.decode()
    assert "Opening the shop" in page and "Remove the demo" not in page  # no demo rows: nothing to remove
    assert "Open the shop" in page


def test_missing_legal_pages_are_written_from_her_saved_identity(owner):
    save_identity()
    Page.objects.create(
        title_fr="Mentions", slug_fr="mes-mentions", body_fr="Mon texte.", legal_role=LegalRole.LEGAL_NOTICE
    )

    owner.post("/fr/atelier/ouverture/pages-legales/")

    pages = {page.legal_role: page for page in Page.objects.exclude(legal_role="")}
    assert set(pages) == {role.value for role in LegalRole}
    assert pages[LegalRole.LEGAL_NOTICE].body_fr == "Mon texte."  # hers, never rewritten
    terms = pages[LegalRole.TERMS_OF_SALE].body_fr
    assert "Atelier Orme SARL" in terms and "Maison Lavande" not in terms
    item = next(item for item in go_live_checklist() if item.key == "legal_pages")
    assert not item.can_write  # nothing left to write; what remains is « [à compléter] » to fill


def test_before_her_identity_is_saved_the_pages_say_to_be_completed_not_the_demos(owner):
    owner.post("/fr/atelier/ouverture/pages-legales/")

    notice = Page.objects.get(legal_role=LegalRole.LEGAL_NOTICE)
    assert "Maison Lavande" not in notice.body_fr and "732 829 320" not in notice.body_fr
    assert "[à compléter]" in notice.body_fr and "jeanne@atelier-orme.fr" in notice.body_fr
    assert not done()["legal_pages"]
