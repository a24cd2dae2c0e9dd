import re
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError

from comptoir.resellers.errors import ResellerError
from comptoir.resellers.models import ApplicationStatus, Buyer, Company, ResellerApplication
from comptoir.resellers.services.decide_application import approve_application, refuse_application
from comptoir.resellers.services.submit_application import ApplicationDetails, submit_application
from tests.factories import UserFactory
from tests.factories.resellers import PriceGroupFactory, PriceListFactory, ResellerApplicationFactory

pytestmark = pytest.mark.django_db


def details(**changes):
    fields = {
        "shop_name": "La Mercerie",
        "legal_name": "La Mercerie SARL",
        "company_number": "732 829 320",
        "vat_number": "FR 40 303 265 045",
        "line1": "12 rue Mercière",
        "postcode": "69002",
        "city": "Lyon",
        "country": "FR",
        "first_name": "Claire",
        "last_name": "Martin",
        "email": "Claire@Mercerie.example",
    }
    return ApplicationDetails(**{**fields, **changes})


def test_an_application_is_pending_and_the_founder_is_told(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.COMPTOIR_FOUNDER_EMAIL = "fondatrice@comptoir.example"
    with django_capture_on_commit_callbacks(execute=True):
        application = submit_application(details=details(), language="fr")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert application.company_number == "732829320"
    assert application.vat_number == "FR40303265045"
    assert application.email == "claire@mercerie.example"
    [email] = mailoutbox
    assert email.to == ["fondatrice@comptoir.example"]
    assert "La Mercerie" in email.subject
    assert f"/resellers/resellerapplication/{application.pk}/change/" in email.body


def test_without_a_setting_the_founder_is_the_first_superuser(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.COMPTOIR_FOUNDER_EMAIL = ""
    UserFactory(email="patronne@comptoir.example", is_superuser=True, is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        submit_application(details=details())
    assert mailoutbox[0].to == ["patronne@comptoir.example"]


@pytest.mark.parametrize(
    "changes", [{"company_number": "732829321"}, {"vat_number": "FR40303265046"}, {"email": "nope"}]
)
def test_a_bad_application_is_refused_and_nothing_is_saved(
    changes, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        submit_application(details=details(**changes))
    assert ResellerApplication.objects.count() == 0
    assert mailoutbox == []


def test_approval_creates_the_company_its_buyer_and_emails_a_working_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    PriceListFactory()
    founder = UserFactory(is_staff=True, is_superuser=True)
    group = PriceGroupFactory(name="Partenaires premium")
    application = ResellerApplicationFactory(email="claire@mercerie.example", company_number="73282932000074")
    with django_capture_on_commit_callbacks(execute=True):
        company = approve_application(
            application_id=application.pk, decided_by=founder, message="Bienvenue !", price_group=group
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.company == company
    assert application.decided_by == founder
    assert (company.siren, company.vat_number, company.price_group) == ("732829320", "FR40303265045", group)
    buyer = Buyer.objects.get(company=company)
    assert buyer.user.email == "claire@mercerie.example"
    assert buyer.is_admin is True
    assert buyer.user.has_usable_password() is False
    [email] = mailoutbox
    assert email.to == ["claire@mercerie.example"]
    assert "Bienvenue !" in email.body
    link = re.search(r"https?://\S+/pro/mot-de-passe/\S+/", email.body).group(0)
    path = urlsplit(link).path
    response = client.post(
        path, {"new_password1": "Un-mot-de-passe-solide-42", "new_password2": "Un-mot-de-passe-solide-42"}
    )
    assert response.status_code == 302
    buyer.user.refresh_from_db()
    assert buyer.user.check_password("Un-mot-de-passe-solide-42")
    assert client.get("/fr/pro/").status_code == 200
    # the link works once
    assert client.get(path).status_code == 400


def test_approving_twice_returns_the_same_company(django_capture_on_commit_callbacks):
    application = ResellerApplicationFactory()
    founder = UserFactory(is_staff=True)
    with django_capture_on_commit_callbacks(execute=False):
        first = approve_application(application_id=application.pk, decided_by=founder)
        second = approve_application(application_id=application.pk, decided_by=founder)
    assert first == second
    assert Company.objects.count() == 1


def test_approval_keeps_an_existing_account_of_that_email(django_capture_on_commit_callbacks):
    customer = UserFactory(email="claire@mercerie.example")
    application = ResellerApplicationFactory(email="claire@mercerie.example")
    with django_capture_on_commit_callbacks(execute=False):
        company = approve_application(application_id=application.pk, decided_by=None)
    assert Buyer.objects.get(company=company).user == customer
    customer.refresh_from_db()
    assert customer.check_password("a-long-test-password")


def test_refusal_emails_the_message_and_creates_nothing(mailoutbox, django_capture_on_commit_callbacks):
    application = ResellerApplicationFactory(email="claire@mercerie.example")
    with django_capture_on_commit_callbacks(execute=True):
        refuse_application(
            application_id=application.pk, decided_by=None, message="Notre distribution à Lyon est complète."
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert Company.objects.count() == 0
    [email] = mailoutbox
    assert email.to == ["claire@mercerie.example"]
    assert "Notre distribution à Lyon est complète." in email.body


def test_a_refused_application_cannot_be_approved_afterwards():
    application = ResellerApplicationFactory(status=ApplicationStatus.REFUSED)
    with pytest.raises(ResellerError):
        approve_application(application_id=application.pk, decided_by=None)
    assert Company.objects.count() == 0


def test_the_admin_approves_through_a_page_asking_for_the_message(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    founder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(founder)
    application = ResellerApplicationFactory()
    url = f"/fr/admin/resellers/resellerapplication/{application.pk}/accepter/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"payment_terms": "net_30", "message": "Ravie !"})
    assert response.status_code == 302
    company = Company.objects.get()
    assert company.payment_terms == "net_30"
    assert "Ravie !" in mailoutbox[-1].body
    assert client.get("/fr/admin/resellers/resellerapplication/").status_code == 200


def test_the_admin_refuses_only_with_a_message(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    application = ResellerApplicationFactory()
    url = f"/fr/admin/resellers/resellerapplication/{application.pk}/refuser/"
    assert client.post(url, {"message": ""}).status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


SWISS = {
    "company_number": "CHE-116.281.710",
    "line1": "Rue du Rhône 12",
    "postcode": "1204",
    "city": "Genève",
    "country": "CH",
}


@pytest.mark.parametrize("vat_number", ["", "CHE-116.281.710 MWST"])
def test_a_swiss_shop_applies_with_its_own_numbers_and_is_invoiced_without_french_vat(
    vat_number, django_capture_on_commit_callbacks
):
    from comptoir.resellers.models import TaxRegime

    with django_capture_on_commit_callbacks(execute=True):
        application = submit_application(details=details(**SWISS, vat_number=vat_number))
    assert (application.company_number, application.vat_number) == (
        "CHE-116.281.710",
        "CHE116281710MWST" if vat_number else "",
    )
    with django_capture_on_commit_callbacks(execute=True):
        company = approve_application(application_id=application.pk, decided_by=UserFactory(is_staff=True))
    assert (company.siren, company.vat_number, company.tax_regime) == (
        "",
        application.vat_number,
        TaxRegime.EXPORT,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({**SWISS, "vat_number": "CHE-116.281.711 MWST"}, "vat_number"),  # a Swiss number, wrong checksum
        ({"country": "DE", "city": "Berlin", "vat_number": "DE136695977"}, "vat_number"),
        ({"country": "DE", "city": "Berlin", "vat_number": "CHE-116.281.710 MWST"}, "vat_number"),
    ],
)
def test_a_number_wrong_for_its_country_is_a_message_on_its_field(changes, field):
    with pytest.raises(ValidationError) as refusal:
        submit_application(details=details(**changes))
    assert list(refusal.value.message_dict) == [field]
    assert ResellerApplication.objects.count() == 0


def test_the_page_answers_a_swiss_shop_with_a_message_never_a_500(client):
    from dataclasses import asdict

    from django.urls import reverse

    page = reverse("reseller_portal:apply")
    fields = asdict(details(**SWISS))
    response = client.post(
        page, {**fields, "vat_number": "CHE-116.281.711 MWST", "expected_volume": "under_50"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["vat_number"]
    assert "n'est pas un numéro de TVA valide pour ce pays" in errors["vat_number"][0]
    response = client.post(
        page, {**fields, "vat_number": "CHE-116.281.710 MWST", "expected_volume": "under_50"}
    )
    assert response.status_code == 302
    assert ResellerApplication.objects.get().country == "CH"
