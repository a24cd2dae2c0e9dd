"""A mail server that is down never turns an account page into a 500: password reset, sign-up and
address verification emails wait in the pending jobs, the person sees what she sees when the mail
leaves, and each email leaves once when the server is back. Known and unknown addresses get the same
answer either way (no account enumeration)."""

from __future__ import annotations

import pytest
from django.core import mail

from comptoir.accounts.models import User
from comptoir.notifications.models import PendingJob
from comptoir.notifications.services.pending_jobs import run_pending_jobs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = "/fr/compte/password/reset/"
SIGNUP = "/fr/compte/signup/"
BROKEN = "tests.notifications.broken_mail.EmailBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _in_process_jobs(settings):
    settings.REDIS_URL = ""


def _reset(client, email: str):
    response = client.post(RESET, {"email": email})
    return response.status_code, response.get("Location")


def test_password_reset_answers_the_same_with_the_mail_server_up_or_down(client, settings):
    UserFactory(email="camille@example.com")
    up = (_reset(client, "camille@example.com"), _reset(client, "nobody@example.com"))
    assert len(mail.outbox) == 2 and PendingJob.objects.count() == 0

    settings.EMAIL_BACKEND = BROKEN
    down = (_reset(client, "camille@example.com"), _reset(client, "nobody@example.com"))

    assert down == up
    assert up[0] == (302, "/fr/compte/password/reset/done/")
    assert PendingJob.objects.count() == 2
    assert len(mail.outbox) == 2  # nothing more left


def test_the_reset_email_waits_then_leaves_once_when_the_server_is_back(client, settings):
    UserFactory(email="camille@example.com")
    settings.EMAIL_BACKEND = BROKEN
    _reset(client, "camille@example.com")
    [job] = PendingJob.objects.all()
    assert job.kwargs["to"] == ["camille@example.com"]

    settings.EMAIL_BACKEND = WORKING
    PendingJob.objects.update(run_after=job.created_at)  # its next try is due
    first, second = run_pending_jobs(), run_pending_jobs()

    assert (first.done, second.done) == (1, 0)
    [sent] = mail.outbox
    assert sent.to == ["camille@example.com"]
    assert "/fr/compte/password/reset/key/" in sent.body
    assert not PendingJob.objects.exists()


def test_signing_up_with_the_mail_server_down_opens_the_account_and_the_verification_waits(client, settings):
    settings.EMAIL_BACKEND = BROKEN
    response = client.post(
        SIGNUP,
        {
            "email": "dominique@example.com",
            "password1": "Lin-et-popeline-42",
            "password2": "Lin-et-popeline-42",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="dominique@example.com")
    assert client.session["_auth_user_id"] == str(user.pk)
    [job] = PendingJob.objects.all()
    assert job.kwargs["to"] == ["dominique@example.com"]

    settings.EMAIL_BACKEND = WORKING
    PendingJob.objects.update(run_after=job.created_at)
    run_pending_jobs()
    run_pending_jobs()
    [sent] = mail.outbox
    assert sent.to == ["dominique@example.com"]
    assert "/fr/compte/confirm-email/" in sent.body
