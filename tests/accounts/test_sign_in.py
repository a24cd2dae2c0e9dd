"""Email sign-in through allauth, in the boutique's clothes."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from comptoir.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_login_page_is_french_and_dressed_as_the_boutique(client):
    response = client.get("/fr/compte/login/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Connexion" in content
    assert 'class="site-header"' in content  # the boutique's layout, not allauth's bare page
    assert 'name="login"' in content and 'type="email"' in content
    assert '<meta name="robots" content="noindex">' in content


def test_a_customer_signs_in_with_her_email(client):
    UserFactory(email="camille@example.com")
    response = client.post(
        "/fr/compte/login/", {"login": "Camille@Example.com", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/commandes/"
    assert client.get("/fr/compte/commandes/").status_code == 200


def test_a_wrong_password_keeps_her_out(client):
    UserFactory(email="camille@example.com")
    response = client.post("/fr/compte/login/", {"login": "camille@example.com", "password": "not-it"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'class="notice notice--error"' in response.content.decode()


def test_signing_up_needs_only_an_email_and_a_password_and_sends_a_verification(client):
    response = client.post(
        "/fr/compte/signup/",
        {
            "email": "dominique@example.com",
            "password1": "Lin-et-popeline-42",
            "password2": "Lin-et-popeline-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="dominique@example.com")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Maison Lavande · ")
    assert "Maison Lavande" in mail.outbox[0].body


def test_the_account_pages_ask_to_sign_in_first(client):
    response = client.get("/fr/compte/commandes/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/login/?next=/fr/compte/commandes/")


def test_the_header_links_to_sign_in_or_to_the_account(client):
    assert 'href="/fr/compte/login/"' in client.get("/fr/").content.decode()
    client.force_login(UserFactory())
    assert 'href="/fr/compte/commandes/"' in client.get("/fr/").content.decode()


def test_signing_out_is_a_post(client):
    client.force_login(UserFactory())
    response = client.post("/fr/compte/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_is_reset_through_an_emailed_link(client):
    UserFactory(email="camille@example.com")
    response = client.post("/fr/compte/password/reset/", {"email": "camille@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/fr/compte/password/reset/key/" in mail.outbox[0].body
