"""Registering for an evening: seats counted under the event's row lock, a waitlist, promotions.

``register`` and ``cancel_registration`` lock the event row, so two people can never take the last
seat, and a cancellation hands its seat to the first person waiting, in the same transaction.
Emails (with the .ics invitation) leave after commit.
"""

from __future__ import annotations

import secrets
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.notifications.jobs import enqueue

from ..models import Event, Registration, RegistrationStatus
from .event_emails import send_registration_email


class RegistrationRefused(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def register(*, event: Event, name: str, email: str, company: str = "", language: str = "fr") -> Registration:
    """A seat if one is left, else a place on the waitlist; the same address twice is one registration."""
    email = email.strip().lower()
    name = name.strip()
    if not name:
        raise RegistrationRefused(_("Indiquez votre nom."))
    try:
        validate_email(email)
    except ValidationError as error:
        raise RegistrationRefused(_("Saisissez une adresse e-mail valide.")) from error
    if event.starts_at <= timezone.now():
        raise RegistrationRefused(_("Cette rencontre a déjà eu lieu."))
    try:
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=event.pk)
            existing = (
                Registration.objects.filter(event=locked, email=email)
                .exclude(status=RegistrationStatus.CANCELLED)
                .first()
            )
            if existing is not None:
                return existing
            has_seat = locked.seats_taken < locked.capacity
            if has_seat:
                Event.objects.filter(pk=locked.pk).update(seats_taken=F("seats_taken") + 1)
            registration = Registration.objects.create(
                event=locked,
                name=name,
                email=email,
                company=company.strip(),
                language=language,
                status=RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITLISTED,
                token=secrets.token_urlsafe(32),
            )
            kind = "confirmed" if has_seat else "waitlisted"
            transaction.on_commit(
                partial(enqueue, send_registration_email, registration_id=registration.pk, kind=kind)
            )
            return registration
    except IntegrityError:  # the same form sent twice at once
        return (
            Registration.objects.filter(event=event, email=email)
            .exclude(status=RegistrationStatus.CANCELLED)
            .get()
        )


def registration_for_token(*, token: str) -> Registration | None:
    return Registration.objects.select_related("event").filter(token=token).first() if token else None


def cancel_registration(*, token: str) -> Registration | None:
    """Cancel; a confirmed seat goes to the first person waiting, who is told at once."""
    with transaction.atomic():
        registration = Registration.objects.filter(token=token).first() if token else None
        if registration is None:
            return None
        locked_event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if freed_seat:
            waiting = (
                Registration.objects.select_for_update()
                .filter(event=locked_event, status=RegistrationStatus.WAITLISTED)
                .order_by("created_at", "id")
                .first()
            )
            if waiting is None:
                Event.objects.filter(pk=locked_event.pk).update(seats_taken=F("seats_taken") - 1)
            else:
                waiting.status = RegistrationStatus.CONFIRMED
                waiting.promoted_at = timezone.now()
                waiting.save(update_fields=["status", "promoted_at"])
                transaction.on_commit(
                    partial(enqueue, send_registration_email, registration_id=waiting.pk, kind="promoted")
                )
    return registration
