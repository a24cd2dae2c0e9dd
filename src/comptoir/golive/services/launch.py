"""The last steps before opening: the test email she sends herself and confirms, then the opening."""

from __future__ import annotations

import smtplib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.core.page_cache import shop_pages_changed
from comptoir.notifications.founder import absolute_url

from ..models import LaunchState
from ..shop_facts import brand_name

TEST_EMAIL_SALT = "comptoir.golive.test-email"
TEST_EMAIL_LIFETIME = timedelta(days=7)


class TestEmailFailed(Exception):
    """The mail server refused the test email, or could not be reached: the message says why."""


class InvalidConfirmation(Exception):
    """A confirmation link altered, too old, or replaced by a newer test email."""


def launch_state() -> LaunchState:
    """The saved row, or a new shop's: closed, no test email sent yet (unsaved)."""
    return LaunchState.objects.filter(pk=LaunchState.SINGLETON_PK).first() or LaunchState(
        pk=LaunchState.SINGLETON_PK
    )


def send_test_email(*, to: str) -> LaunchState:
    """Send her a test email whose link confirms, once clicked, that the shop's email reaches her.

    Sent now, not after commit: she waits for the answer on the page, so a mail server that refuses
    says so to her face. A new email replaces the previous one: only its link confirms."""
    sent_at = timezone.now()
    token = signing.dumps({"to": to, "sent": sent_at.isoformat()}, salt=TEST_EMAIL_SALT)
    link = absolute_url(reverse("backoffice:go_live_confirm_email", kwargs={"token": token}))
    shop = brand_name()
    body = _(
        "Bonjour,\n\nCe courriel d'essai vient de votre boutique %(shop)s. S'il vous est bien parvenu, "
        "cliquez sur ce lien pour le confirmer :\n\n%(link)s\n\nLe lien vaut sept jours.\n"
    ) % {"shop": shop, "link": link}
    try:
        send_mail(
            subject=_("Courriel d'essai de %(shop)s") % {"shop": shop},
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[to],
        )
    except (smtplib.SMTPException, OSError) as error:
        raise TestEmailFailed(str(error)) from error
    with transaction.atomic():
        LaunchState.objects.update_or_create(
            pk=LaunchState.SINGLETON_PK,
            defaults={"test_email_to": to, "test_email_sent_at": sent_at, "test_email_confirmed_at": None},
        )
    return launch_state()


def _read_token(token: str) -> dict[str, str]:
    try:
        return signing.loads(token, salt=TEST_EMAIL_SALT, max_age=TEST_EMAIL_LIFETIME)
    except signing.BadSignature as error:
        raise InvalidConfirmation from error


def check_confirmation(*, token: str) -> None:
    """Raise ``InvalidConfirmation`` for a link altered or too old (before showing its button)."""
    _read_token(token)


def confirm_test_email(*, token: str) -> LaunchState:
    """The link of the latest test email, clicked: the email reached her."""
    data = _read_token(token)
    with transaction.atomic():
        state = LaunchState.objects.select_for_update().filter(pk=LaunchState.SINGLETON_PK).first()
        if (
            state is None
            or state.test_email_sent_at is None
            or state.test_email_sent_at.isoformat() != data.get("sent")
            or state.test_email_to != data.get("to")
        ):
            raise InvalidConfirmation
        if state.test_email_confirmed_at is None:  # a second click changes nothing
            state.test_email_confirmed_at = timezone.now()
            state.save(update_fields=["test_email_confirmed_at"])
    return state


class NotReady(Exception):
    """Something on the checklist is not done yet."""


def open_shop(*, ready: bool) -> LaunchState:
    """Open the shop to visitors: the « bientôt » page gives way to the boutique."""
    if not ready:
        raise NotReady
    with transaction.atomic():
        state, _created = LaunchState.objects.update_or_create(
            pk=LaunchState.SINGLETON_PK, defaults={"is_open": True, "opened_at": timezone.now()}
        )
        forget_opening_state()
    shop_pages_changed()
    return state


def close_shop_until_opened() -> LaunchState:
    """A new shop (``start_shop``): closed, visitors see the « bientôt » page until she opens it."""
    state, _created = LaunchState.objects.update_or_create(
        pk=LaunchState.SINGLETON_PK, defaults={"is_open": False, "opened_at": None}
    )
    forget_opening_state()
    shop_pages_changed()
    return state


def mark_shop_open() -> None:
    """The demo shop: open from the start."""
    LaunchState.objects.update_or_create(pk=LaunchState.SINGLETON_PK, defaults={"is_open": True})
    forget_opening_state()


_OPEN_KEY = "comptoir:golive:is-open"


def shop_is_open() -> bool:
    """Whether visitors see the boutique. No row (a shop from before the checklist, or one migrated
    without ``start_shop``) counts as open: only ``start_shop`` closes a shop. Read from the cache:
    every request of a visitor asks."""
    known = cache.get(_OPEN_KEY)
    if known is None:
        row = (
            LaunchState.objects.filter(pk=LaunchState.SINGLETON_PK).values_list("is_open", flat=True).first()
        )
        known = row is None or row
        cache.set(_OPEN_KEY, known, timeout=60)
    return bool(known)


def forget_opening_state() -> None:
    cache.delete(_OPEN_KEY)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(_OPEN_KEY))
