"""The legal pages: seeded in both languages by the demo shop, with what French law asks them to say."""

from io import StringIO

import pytest
from django.core.management import call_command

from comptoir.content.legal_texts import fill
from comptoir.content.models import LegalRole, Page
from comptoir.demo.services.content import FORMER_DEMO_BODIES, ensure_legal_pages

pytestmark = pytest.mark.django_db

SELLER = {
    "name": "Maison Lavande SAS",
    "legal_form": "SAS",
    "share_capital": "10 000 €",
    "address": "12 rue Oberkampf\n75011 Paris",
    "rcs": "RCS Paris 732 829 320",
    "vat_number": "FR44732829320",
    "email": "bonjour@maison-lavande.example",
    "late_payment_rate": "12.15",
}


@pytest.fixture
def demo_shop():
    call_command("demo_shop", "--without-images", stdout=StringIO())


def page(role):
    return Page.objects.get(legal_role=role)


def test_the_demo_shop_has_every_legal_page_in_french_and_english(demo_shop):
    for role in LegalRole:
        legal = page(role)
        assert legal.is_published and legal.in_footer
        assert legal.title_fr and legal.title_en and legal.slug_fr and legal.slug_en
        assert len(legal.body_fr) > 400 and len(legal.body_en) > 400
        assert "ec.europa.eu/consumers/odr" not in legal.body_fr + legal.body_en
        assert "{" not in legal.body_fr + legal.body_en  # every field filled


def test_the_consumer_terms_say_what_the_code_de_la_consommation_requires(demo_shop):
    terms = page(LegalRole.TERMS_OF_SALE).body_fr
    for mention in (
        "TTC",
        "Commander avec obligation de paiement",
        "rétractation",
        "14 jours",
        "L221-28",
        "garantie légale de conformité",
        "L. 217-1 à L. 217-32",
        "vices cachés",
        "médiateur",
        "[à compléter : nom du médiateur",
        "Maison Lavande SAS",
        "RCS Paris 732 829 320",
    ):
        assert mention in terms, mention
    assert "mediator" in page(LegalRole.TERMS_OF_SALE).body_en


def test_the_trade_terms_name_the_recovery_fee_and_the_retention_of_title(demo_shop):
    terms = page(LegalRole.RESELLER_TERMS).body_fr
    for mention in ("40 €", "pénalités de retard", "12,15 %", "propriété", "Pas de droit de rétractation"):
        assert mention in terms, mention
    assert "€40" in page(LegalRole.RESELLER_TERMS).body_en


def test_the_privacy_policy_names_the_controller_the_rights_and_the_cnil(demo_shop):
    privacy = page(LegalRole.PRIVACY).body_fr
    for mention in ("Maison Lavande SAS", "RGPD", "CNIL", "sans cookie", "consentement", "dix ans"):
        assert mention in privacy, mention


def test_the_withdrawal_form_is_the_model_of_the_code_addressed_to_the_seller(demo_shop):
    form = page(LegalRole.WITHDRAWAL_FORM).body_fr
    assert "R221-1" in form
    assert "Je/nous (\\*) vous notifie/notifions (\\*)" in form
    assert "12 rue Oberkampf, 75011 Paris" in form


def test_running_the_demo_again_keeps_the_founders_edits(demo_shop):
    terms = page(LegalRole.TERMS_OF_SALE)
    terms.body_fr = "Nos conditions, réécrites par la fondatrice."
    terms.save()

    call_command("demo_shop", "--without-images", stdout=StringIO())

    assert Page.objects.filter(legal_role=LegalRole.TERMS_OF_SALE).count() == 1
    assert page(LegalRole.TERMS_OF_SALE).body_fr == "Nos conditions, réécrites par la fondatrice."
    assert Page.objects.exclude(legal_role="").count() == len(LegalRole)


def test_an_older_page_at_the_same_address_takes_the_role_and_keeps_its_own_words():
    Page.objects.create(
        title_fr="Mentions légales", slug_fr="mentions-legales", body_fr="Notre texte à nous."
    )

    assert ensure_legal_pages(seller=SELLER) == len(LegalRole)

    notice = Page.objects.get(slug_fr="mentions-legales")
    assert notice.legal_role == LegalRole.LEGAL_NOTICE
    assert notice.body_fr == "Notre texte à nous."
    assert ensure_legal_pages(seller=SELLER) == 0


def test_what_the_shop_does_not_know_is_left_to_complete_in_each_language():
    assert fill("{name}, {vat_number}", seller={"name": "Atelier"}) == "Atelier, [à compléter]"
    assert fill("{vat_number}", seller={}, english=True) == "[to be completed]"


def test_a_demo_shop_seeded_before_gets_the_full_texts_where_its_short_ones_were_never_edited():
    for slug, body in FORMER_DEMO_BODIES.items():
        Page.objects.create(title_fr=slug, slug_fr=slug, body_fr=body)

    ensure_legal_pages(seller=SELLER)

    assert "CNIL" in Page.objects.get(legal_role=LegalRole.PRIVACY, slug_fr="confidentialite").body_fr
    assert "Hébergement" in Page.objects.get(legal_role=LegalRole.LEGAL_NOTICE).body_fr
