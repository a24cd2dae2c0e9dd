"""Evenings: seats, waitlist, promotion on cancellation, .ics invitations, exports and messages."""

from __future__ import annotations

import extruct
import pytest
from django.urls import reverse
from icalendar import Calendar

from comptoir.community.models import Event, EventMessage, Registration, RegistrationStatus
from comptoir.community.services.events import cancel_registration, register
from tests.factories import UserFactory
from tests.factories.community import EventFactory

pytestmark = pytest.mark.django_db


def sign_up(event, index: int) -> Registration:
    return register(event=event, name=f"Invité {index}", email=f"invite{index}@example.com")


def test_seats_then_a_waitlist_then_the_first_waiting_is_promoted_and_told(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third, fourth = (sign_up(event, index) for index in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert Event.objects.get().seats_taken == 2
    assert [m.subject for m in mailoutbox][:3] == [
        f"Votre place pour « {event.title} »",
        f"Votre place pour « {event.title} »",
        f"Liste d'attente pour « {event.title} »",
    ]

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(token=first.token)
        cancel_registration(token=first.token)  # the link clicked twice
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.status, fourth.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    assert Event.objects.get().seats_taken == 2
    [promoted] = mailoutbox
    assert promoted.to == ["invite2@example.com"] and "Une place s'est libérée" in promoted.subject
    assert promoted.attachments[0][0] == "rencontre.ics"


def test_the_invitation_is_a_valid_calendar_entry(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(title_fr="Soirée des boutiques", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = sign_up(event, 1)
    filename, content, mimetype = mailoutbox[0].attachments[0]
    assert filename == "rencontre.ics"
    assert mimetype == "text/calendar"
    [entry] = Calendar.from_ical(content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Soirée des boutiques"
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)  # iCalendar counts in seconds
    assert entry.decoded("DTEND") == event.ends_at.replace(microsecond=0)
    assert "12 rue Oberkampf" in str(entry["LOCATION"])
    assert registration.token in mailoutbox[0].body  # the cancellation link


def test_registering_twice_is_one_registration_and_a_past_evening_is_closed():
    event = EventFactory(capacity=3)
    assert sign_up(event, 1).pk == sign_up(event, 1).pk
    assert Event.objects.get().seats_taken == 1


def test_the_page_registers_and_then_offers_the_waitlist(client):
    event = EventFactory(slug_fr="boutiques", capacity=1)
    response = client.post("/fr/rencontres/boutiques/", {"name": "Camille", "email": "camille@example.com"})
    assert response.status_code == 302
    page = client.get("/fr/rencontres/boutiques/").content.decode()
    assert "votre place est réservée" in page
    assert "Complet : rejoindre la liste d" in page
    bad = client.post("/fr/rencontres/boutiques/", {"name": "", "email": "x"}).content.decode()
    assert "Indiquez votre nom." in bad
    assert Registration.objects.filter(event=event).count() == 1


def test_the_cancellation_link_frees_the_seat(client):
    event = EventFactory(slug_fr="boutiques", capacity=1)
    registration = sign_up(event, 1)
    url = reverse("storefront:event_cancel", args=[registration.token])
    assert "Libérer ma place" in client.get(url).content.decode()
    client.post(url)
    assert Event.objects.get().seats_taken == 0
    assert client.get(reverse("storefront:event_cancel", args=["faux"])).status_code == 404


def test_events_page_calendar_feed_and_json_ld(client):
    EventFactory(slug_fr="boutiques", title_fr="Soirée des boutiques", capacity=1)
    assert "Soirée des boutiques" in client.get("/fr/rencontres/").content.decode()
    feed = Calendar.from_ical(client.get("/fr/rencontres/calendrier.ics").content)
    assert [str(entry["SUMMARY"]) for entry in feed.walk("VEVENT")] == ["Soirée des boutiques"]
    page = client.get("/fr/rencontres/boutiques/").content.decode()
    blocks = extruct.extract(page, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    [event] = [block for block in blocks if block["@type"] == "Event"]
    assert event["location"]["address"] == "12 rue Oberkampf, 75011 Paris"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["offers"]["availability"] == "https://schema.org/InStock"


def test_the_founder_exports_attendees_and_writes_to_them(client, mailoutbox):
    event = EventFactory(capacity=1)
    sign_up(event, 1)
    sign_up(event, 2)  # waiting: not written to
    founder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(founder)
    export = client.post(
        "/fr/admin/community/event/", {"action": "export_attendees", "_selected_action": [event.pk]}
    )
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "rencontre;nom;email;societe;statut;inscription"
    assert len(lines) == 3 and "invite1@example.com;;confirmed" in lines[1]

    EventMessage.objects.create(event=event, subject="Changement de salle", body="Rendez-vous au 14 !")
    mailoutbox.clear()
    client.post("/fr/admin/community/event/", {"action": "send_messages", "_selected_action": [event.pk]})
    client.post("/fr/admin/community/event/", {"action": "send_messages", "_selected_action": [event.pk]})
    assert [m.to for m in mailoutbox] == [["invite1@example.com"]]


def test_a_registration_name_is_escaped_on_the_back_office_and_in_emails(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2)
    payload = "<script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        register(event=event, name=f"Eve {payload}", email="eve@example.com")
    assert payload not in mailoutbox[0].alternatives[0][0]
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    admin = client.get(f"/fr/admin/community/event/{event.pk}/change/").content.decode()
    assert payload not in admin and "&lt;script&gt;" in admin
