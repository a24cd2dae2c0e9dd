"""The shop counts its readers without a cookie and without ever knowing who they are."""

import datetime as dt

import pytest

from comptoir.analytics.models import DailySalt, PageView
from comptoir.analytics.services.record_page_view import visitor_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari"


def read(client, path, agent=FIREFOX, ip="203.0.113.7"):
    return client.get(path, HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)


def test_one_person_reading_two_pages_is_one_visitor_and_two_page_views(client):
    read(client, "/fr/")
    read(client, "/fr/journal/")
    read(client, "/fr/", agent=SAFARI, ip="198.51.100.4")
    assert PageView.objects.count() == 3
    assert PageView.objects.values("visitor").distinct().count() == 2
    assert set(PageView.objects.values_list("path", flat=True)) == {"/fr/", "/fr/journal/"}


def test_nothing_is_stored_in_the_browser_and_no_address_is_kept(client):
    response = read(client, "/fr/journal/")
    assert set(response.cookies) <= {"csrftoken"}  # the forms' token, nothing to follow anyone with
    view = PageView.objects.get()
    assert "203.0.113.7" not in view.visitor and len(view.visitor) == 16


def test_the_same_person_tomorrow_cannot_be_linked_to_today():
    today, tomorrow = dt.date(2026, 12, 1), dt.date(2026, 12, 2)
    assert visitor_of(day=today, ip="203.0.113.7", user_agent=FIREFOX) != visitor_of(
        day=tomorrow, ip="203.0.113.7", user_agent=FIREFOX
    )
    visitor_of(day=dt.date(2026, 12, 4), ip="203.0.113.7", user_agent=FIREFOX)
    assert set(DailySalt.objects.values_list("day", flat=True)) == {dt.date(2026, 12, 4)}  # old salts gone


def test_robots_staff_partials_and_the_cockpit_are_not_counted(client):
    read(client, "/fr/", agent="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
    read(client, "/robots.txt")
    client.get("/fr/", HTTP_USER_AGENT=FIREFOX, HTTP_HX_REQUEST="true")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    read(client, "/fr/")
    read(client, "/fr/atelier/")
    assert PageView.objects.count() == 0


def test_a_page_not_found_is_not_a_page_read(client):
    read(client, "/fr/nulle-part/")
    assert PageView.objects.count() == 0
