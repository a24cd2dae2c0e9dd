import re

import pytest

from comptoir.resellers.models import ApplicationStatus, ResellerApplication
from tests.factories import UserFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory, ResellerApplicationFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "shop_name": "La Mercerie",
    "legal_name": "La Mercerie SARL",
    "company_number": "732 829 320",
    "vat_number": "FR40303265045",
    "line1": "12 rue Mercière",
    "line2": "",
    "postcode": "69002",
    "city": "Lyon",
    "country": "FR",
    "website": "@lamercerie",
    "first_name": "Claire",
    "last_name": "Martin",
    "email": "claire@mercerie.example",
    "phone": "+33612345678",
    "expected_volume": "50_200",
    "message": "Nous aimons vos chemises.",
}


def test_the_apply_page_is_public_and_not_indexed(client):
    response = client.get("/fr/pro/devenir-revendeur/")
    assert response.status_code == 200
    assert "noindex" in response.content.decode()


def test_a_shop_applies_and_reaches_the_thank_you_page(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/pro/devenir-revendeur/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/fr/pro/devenir-revendeur/merci/"
    application = ResellerApplication.objects.get()
    assert application.status == ApplicationStatus.PENDING
    assert application.expected_volume == "50_200"
    assert len(mailoutbox) == 1
    assert client.get(response["Location"]).status_code == 200


def test_a_bad_number_is_shown_again_with_everything_typed_kept(client):
    response = client.post("/fr/pro/devenir-revendeur/", {**GOOD, "company_number": "732829321"})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "n&#x27;est ni un SIREN ni un SIRET valide" in html or "n'est ni un SIREN ni un SIRET valide" in html
    )
    assert "La Mercerie SARL" in html
    assert "Nous aimons vos chemises." in html
    assert ResellerApplication.objects.count() == 0


def test_a_french_shop_must_give_its_siren(client):
    response = client.post("/fr/pro/devenir-revendeur/", {**GOOD, "company_number": ""})
    assert response.status_code == 200
    assert ResellerApplication.objects.count() == 0


def test_a_buyer_on_the_apply_page_goes_to_their_space(client):
    PriceListFactory()
    client.force_login(BuyerFactory().user)
    assert client.get("/fr/pro/devenir-revendeur/")["Location"] == "/fr/pro/"


def test_the_boutique_footer_links_to_the_reseller_space(client):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/pro/devenir-revendeur/"' in html


def test_a_signed_in_pending_applicant_is_told_the_application_is_being_read(client):
    client.force_login(UserFactory(email="claire@mercerie.example"))
    ResellerApplicationFactory(email="claire@mercerie.example")
    html = client.get("/fr/pro/devenir-revendeur/").content.decode()
    assert "Votre demande est en cours d&#x27;examen" in html or "Votre demande est en cours d'examen" in html
    assert 'name="shop_name"' not in html


def test_an_invited_colleague_chooses_a_password_and_enters(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    PriceListFactory()
    admin = BuyerFactory()
    client.force_login(admin.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/pro/equipe/", {"email": "collegue@mercerie.example"})
    client.logout()
    path = re.search(r"/fr/pro/invitation/[^/\s]+/", mailoutbox[-1].body).group(0)
    assert client.get(path).status_code == 200
    response = client.post(path, {"password": "Un-mot-de-passe-solide-42"})
    assert response["Location"] == "/fr/pro/"
    assert client.get("/fr/pro/").status_code == 200
    assert client.get(path).status_code == 400  # used once
