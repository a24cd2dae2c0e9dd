"""The emails of an evening: confirmation with its .ics invitation, waitlist, promotion, messages."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from comptoir.notifications.founder import absolute_url
from comptoir.shop.profile import current_profile

from ..models import Event, EventMessage, Registration, RegistrationStatus

PRODUCT_ID = "-//Comptoir//Rencontres//FR"


def event_calendar(*, events: list[Event], method: str = "") -> bytes:
    """An RFC 5545 calendar of the events (one for an invitation, all upcoming for the feed)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{current_profile().public_url.split('://')[-1].split('/')[0]}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("dtstamp", timezone.now())
        entry.add("location", f"{event.place_name}, {event.address}")
        entry.add("url", absolute_url(event.get_absolute_url()))
        entry.add("description", absolute_url(event.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()


def cancel_url(registration: Registration) -> str:
    with translation.override(registration.language):
        return absolute_url(reverse("storefront:event_cancel", kwargs={"token": registration.token}))


SUBJECTS = {
    "confirmed": lambda event: _("Votre place pour « %(title)s »") % {"title": event.title},
    "waitlisted": lambda event: _("Liste d'attente pour « %(title)s »") % {"title": event.title},
    "promoted": lambda event: _("Une place s'est libérée : « %(title)s »") % {"title": event.title},
}


def send_registration_email(*, registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "event_url": absolute_url(event.get_absolute_url()),
            "cancel_url": cancel_url(registration),
            "shop_name": current_profile().shop_name,
        }
        subject = SUBJECTS[kind](event)
        message = EmailMultiAlternatives(
            from_email=current_profile().from_email,
            subject=subject,
            body=render_to_string("community/emails/registration.txt", context),
            to=[registration.email],
        )
        message.attach_alternative(
            render_to_string("community/emails/registration.html", context), "text/html"
        )
    if kind in {"confirmed", "promoted"}:
        message.attach("rencontre.ics", event_calendar(events=[event], method="PUBLISH"), "text/calendar")
    message.send()


def send_event_message(*, message_id: int) -> int:
    """The founder's message to everyone confirmed, once; returns how many were written to."""
    message = EventMessage.objects.select_related("event").get(pk=message_id)
    if not EventMessage.objects.filter(pk=message.pk, sent_at__isnull=True).update(sent_at=timezone.now()):
        return 0
    registrations = message.event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    for registration in registrations:
        with translation.override(registration.language):
            context = {
                "message": message,
                "event": message.event,
                "cancel_url": cancel_url(registration),
                "shop_name": current_profile().shop_name,
            }
            email = EmailMultiAlternatives(
                from_email=current_profile().from_email,
                subject=message.subject,
                body=render_to_string("community/emails/event_message.txt", context),
                to=[registration.email],
            )
        email.send()
    return registrations.count()
