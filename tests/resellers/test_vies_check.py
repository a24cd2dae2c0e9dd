"""``COMPTOIR_VIES_CHECK``: EU VAT numbers of reseller applications asked to VIES, online, only when the
setting is on. VIES is faked here (no network): its answer, or its silence, is a note for the founder,
and the application is always received."""

import pytest

from comptoir.resellers.identifiers import VatCheck
from comptoir.resellers.models import ApplicationStatus, ResellerApplication
from tests.reseller_portal.test_portal_apply import GOOD

pytestmark = pytest.mark.django_db

APPLY = "/fr/pro/devenir-revendeur/"


class FakeVies:
    """Stands for stdnum's VIES client: records the numbers asked, answers or fails as told."""

    def __init__(self, *, valid: bool | None = None, failure: Exception | None = None) -> None:
        self.valid, self.failure, self.asked = valid, failure, []

    def __call__(self, number: str, timeout: float = 30) -> dict[str, object]:
        self.asked.append(number)
        if self.failure is not None:
            raise self.failure
        return {"countryCode": number[:2], "vatNumber": number[2:], "valid": self.valid}


@pytest.fixture
def vies(settings, monkeypatch):
    def install(**behaviour: object) -> FakeVies:
        fake = FakeVies(**behaviour)  # type: ignore[arg-type]
        monkeypatch.setattr("stdnum.eu.vat.check_vies", fake)
        return fake

    settings.COMPTOIR_VIES_CHECK = True
    settings.COMPTOIR_FOUNDER_EMAIL = "fondatrice@comptoir.example"
    return install


def apply(client, django_capture_on_commit_callbacks, **changes: str):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(APPLY, {**GOOD, **changes})


@pytest.mark.parametrize(
    ("behaviour", "expected", "founder_reads"),
    [
        ({"valid": True}, VatCheck.REGISTERED, "(enregistré auprès de VIES)"),
        ({"valid": False}, VatCheck.NOT_REGISTERED, "(inconnu de VIES : à vérifier avant d'accepter)"),
        (
            {"failure": ConnectionError("network unreachable")},
            VatCheck.UNREACHABLE,
            "(VIES n'a pas pu être interrogé : à vérifier à la main)",
        ),
    ],
)
def test_the_vat_number_is_asked_to_vies_and_the_answer_noted_for_the_founder(
    client, mailoutbox, django_capture_on_commit_callbacks, vies, behaviour, expected, founder_reads
):
    fake = vies(**behaviour)
    response = apply(client, django_capture_on_commit_callbacks, vat_number="FR 40 303 265 045")
    assert (response.status_code, response["Location"]) == (302, "/fr/pro/devenir-revendeur/merci/")
    assert fake.asked == ["FR40303265045"]
    application = ResellerApplication.objects.get()
    assert (application.status, application.vat_check) == (ApplicationStatus.PENDING, expected)
    [email] = mailoutbox
    assert email.to == ["fondatrice@comptoir.example"]
    assert f"TVA intracommunautaire : FR40303265045 {founder_reads}\n" in email.body


def test_an_application_without_a_vat_number_asks_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks, vies
):
    fake = vies(valid=True)
    apply(client, django_capture_on_commit_callbacks, vat_number="")
    assert fake.asked == []
    assert ResellerApplication.objects.get().vat_check == VatCheck.NOT_ASKED
    assert "TVA intracommunautaire : —\n" in mailoutbox[0].body


def test_with_the_check_off_vies_is_never_asked(
    client, mailoutbox, django_capture_on_commit_callbacks, vies, settings
):
    fake = vies(valid=True)
    settings.COMPTOIR_VIES_CHECK = False
    apply(client, django_capture_on_commit_callbacks)
    assert fake.asked == []
    assert ResellerApplication.objects.get().vat_check == VatCheck.NOT_ASKED
    assert "TVA intracommunautaire : FR40303265045\n" in mailoutbox[0].body


def test_a_bad_number_is_refused_before_vies_is_asked(client, django_capture_on_commit_callbacks, vies):
    fake = vies(valid=True)
    response = apply(client, django_capture_on_commit_callbacks, vat_number="FR40303265046")
    assert response.status_code == 200
    assert fake.asked == []
    assert ResellerApplication.objects.count() == 0
