"""Forms anyone can post are limited: a script cannot guess passwords, flood mailboxes or fill an evening."""

from __future__ import annotations

import pytest

from comptoir.community.models import Registration
from comptoir.resellers.models import ResellerApplication
from tests.factories import UserFactory
from tests.factories.community import EventFactory
from tests.reseller_portal.test_portal_apply import GOOD

pytestmark = pytest.mark.django_db

LOGIN = "/fr/compte/login/"


@pytest.fixture
def camille():
    return UserFactory(email="camille@example.com", password="the-right-password-42")


def sign_in(client, password: str, ip: str = "203.0.113.7"):
    return client.post(LOGIN, {"login": "camille@example.com", "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_lock_the_address_out_even_with_the_right_one(client, camille):
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200
    assert sign_in(client, "guess").status_code == 429
    assert "Trop de tentatives" in sign_in(client, "guess").content.decode()
    # The right password now: refused all the same (allauth's own limit answers first, then axes').
    assert sign_in(client, "the-right-password-42").status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_for_that_address_only(client, camille):
    # (allauth also refuses that address from any IP for 5 minutes: its own "login_failed" limit.)
    for _ in range(5):
        sign_in(client, "guess")
    other = UserFactory(email="dominique@example.com", password="another-right-password")
    response = client.post(
        LOGIN,
        {"login": "dominique@example.com", "password": "another-right-password"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_a_right_password_before_the_limit_resets_the_count(client, camille):
    for _ in range(4):
        sign_in(client, "guess")
    assert sign_in(client, "the-right-password-42").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200


def test_the_admin_sign_in_is_locked_out_too(client, camille):
    for _ in range(5):
        client.post("/fr/admin/login/", {"username": "camille@example.com", "password": "guess"})
    response = client.post("/fr/admin/login/", {"username": "camille@example.com", "password": "x"})
    assert response.status_code == 429


def test_password_reset_mails_one_address_a_few_times_only(client, camille, mailoutbox):
    for _ in range(10):
        client.post("/fr/compte/password/reset/", {"email": "camille@example.com"})
    assert len(mailoutbox) == 5  # allauth: five a minute per address, the other five refused


def test_event_registrations_from_one_address_are_limited(client, mailoutbox):
    event = EventFactory(capacity=50)
    answers = [
        client.post(
            event.get_absolute_url(), {"name": f"Bot {n}", "email": f"bot{n}@spam.example"}
        ).status_code
        for n in range(7)
    ]
    assert answers == [302] * 5 + [429] * 2
    assert Registration.objects.count() == 5


def test_reseller_applications_from_one_address_are_limited(client):
    answers = []
    for n in range(7):
        response = client.post("/fr/pro/devenir-revendeur/", {**GOOD, "email": f"shop{n}@spam.example"})
        answers.append(response.status_code)
    assert answers == [302] * 5 + [429] * 2
    assert ResellerApplication.objects.count() == 5
