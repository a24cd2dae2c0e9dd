"""Staff two-factor: a staff session gives a code from its authenticator app before the cockpit or the
admin opens; ten wrong codes lock the step; customers and resellers are never asked."""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db

COCKPIT = "/fr/atelier/"
ADMIN = "/fr/admin/"
VERIFY = "/fr/atelier/double-authentification/code/"
ENROL = "/fr/atelier/double-authentification/"


def code_of(device: TOTPDevice) -> str:
    """What the phone shows now: computed from the device's key, as the authenticator app does."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def recovery_codes_in(response) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())


def wrong_code(device: TOTPDevice) -> str:
    right = int(code_of(device))
    return f"{(right + 500_000) % 1_000_000:06d}"


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Atelier", confirmed=True)


def test_an_enrolled_staff_session_without_a_code_is_sent_to_the_code_step(client, device):
    for page in (COCKPIT, "/fr/atelier/journal/", ADMIN, "/fr/admin/resellers/company/"):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == f"{VERIFY}?next={page.replace('/', '%2F')}"


def test_the_right_code_opens_the_cockpit_and_the_admin(client, device):
    response = client.post(VERIFY, {"token": code_of(device), "next": "/fr/atelier/journal/"})
    assert response.status_code == 302 and response["Location"] == "/fr/atelier/journal/"
    assert client.get(COCKPIT).status_code == 200
    assert client.get(ADMIN).status_code == 200


def test_a_wrong_code_does_not(client, device):
    response = client.post(VERIFY, {"token": wrong_code(device)})
    assert response.status_code == 422
    assert "Ce code ne correspond pas." in response.content.decode()
    assert client.get(COCKPIT).status_code == 302


def test_an_outside_next_is_not_followed(client, device):
    response = client.post(VERIFY, {"token": code_of(device), "next": "https://evil.example/"})
    assert response["Location"] == COCKPIT


def test_ten_wrong_codes_lock_the_step_even_for_the_right_one(client, device):
    for _ in range(10):
        assert client.post(VERIFY, {"token": wrong_code(device)}).status_code == 422
    response = client.post(VERIFY, {"token": code_of(device)})
    assert response.status_code == 429
    assert "Trop de codes essayés" in response.content.decode()
    assert client.get(COCKPIT).status_code == 302


def test_when_the_shop_requires_it_staff_enrol_first_with_a_server_drawn_qr_code(client, staff, settings):
    settings.COMPTOIR_STAFF_TWO_FACTOR = True
    response = client.get(COCKPIT)
    assert response["Location"] == f"{ENROL}?next=%2Ffr%2Fatelier%2F"
    page = client.get(ENROL).content.decode()
    pending = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert "<svg" in page and "<script" not in page.split("<main", 1)[1]
    assert pending.config_url  # the QR code says it; the key is also printed, in groups of four
    assert client.post(ENROL, {"token": wrong_code(pending)}).status_code == 422
    time.sleep(1.1)  # django-otp's own throttle: a second try waits a moment after a miss
    response = client.post(ENROL, {"token": code_of(pending), "next": COCKPIT})
    assert response.status_code == 200 and set(response["Cache-Control"].split(", ")) == {
        "private",
        "no-store",
    }
    assert len(recovery_codes_in(response)) == 10  # shown once, with the way on to where she was going
    assert f'href="{COCKPIT}"' in response.content.decode()
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert client.get(COCKPIT).status_code == 200


def test_packing_staff_enrol_too(client, settings):
    from tests.backoffice.conftest import packer_user

    settings.COMPTOIR_STAFF_TWO_FACTOR = True
    client.force_login(packer_user())
    assert client.get(reverse("backoffice:to_pack"))["Location"].startswith(ENROL)
    assert client.get(ENROL).status_code == 200


def test_customers_and_resellers_are_never_asked(client, settings):
    settings.COMPTOIR_STAFF_TWO_FACTOR = True
    customer = UserFactory()
    TOTPDevice.objects.create(user=customer, name="phone", confirmed=True)  # even with a device
    client.force_login(customer)
    assert client.get("/fr/compte/commandes/").status_code == 200
    PriceListFactory()
    client.force_login(BuyerFactory().user)
    assert client.get(reverse("reseller_portal:home")).status_code == 200


def test_a_lost_phone_a_recovery_code_opens_one_session_and_is_then_spent(client, staff, device):
    client.post(VERIFY, {"token": code_of(device)})
    codes = recovery_codes_in(client.post(ENROL, {"new_codes": "1"}))
    assert len(codes) == 10 and len(set(codes)) == 10
    client.logout()

    client.force_login(staff)  # a new session, the phone lost
    response = client.post(VERIFY, {"token": codes[0].upper(), "next": COCKPIT})
    assert response["Location"] == COCKPIT
    assert client.get(COCKPIT).status_code == 200
    client.logout()

    client.force_login(staff)
    assert client.post(VERIFY, {"token": codes[0]}).status_code == 422  # spent
    assert client.get(COCKPIT).status_code == 302
    page = client.get(ENROL)  # sent to the code step first: not a way around it
    assert page.status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, staff, device):
    client.post(VERIFY, {"token": code_of(device)})
    first = recovery_codes_in(client.post(ENROL, {"new_codes": "1"}))
    second = recovery_codes_in(client.post(ENROL, {"new_codes": "1"}))
    assert "Il vous reste 10 codes de secours" in client.get(ENROL).content.decode()
    client.logout()
    client.force_login(staff)
    assert client.post(VERIFY, {"token": first[0]}).status_code == 422
    time.sleep(1.1)  # django-otp's throttle after a miss
    assert client.post(VERIFY, {"token": second[0]}).status_code == 302
