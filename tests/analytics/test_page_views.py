"""The shop counts its readers without a cookie and without ever knowing who they are."""

import datetime as dt

import pytest
from django.utils import timezone

from comptoir.analytics.models import DailySalt, PageView
from comptoir.analytics.selectors import business_figures
from comptoir.analytics.services.record_page_view import flush_page_views, visitor_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari"


def read(client, path, agent=FIREFOX, ip="203.0.113.7"):
    return client.get(path, HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)


def written_views():
    """The page views once the buffer is written (the founder's figures and the cron command do it)."""
    flush_page_views()
    return PageView.objects


def test_one_person_reading_two_pages_is_one_visitor_and_two_page_views(client):
    read(client, "/fr/")
    read(client, "/fr/journal/")
    read(client, "/fr/", agent=SAFARI, ip="198.51.100.4")
    assert written_views().count() == 3
    assert PageView.objects.values("visitor").distinct().count() == 2
    assert set(PageView.objects.values_list("path", flat=True)) == {"/fr/", "/fr/journal/"}


def test_nothing_is_stored_in_the_browser_and_no_address_is_kept(client):
    response = read(client, "/fr/journal/")
    assert set(response.cookies) <= {"csrftoken"}  # the forms' token, nothing to follow anyone with
    view = written_views().get()
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
    assert written_views().count() == 0


def test_a_page_not_found_is_not_a_page_read(client):
    read(client, "/fr/nulle-part/")
    assert written_views().count() == 0


def test_a_page_read_writes_nothing_until_the_buffer_is_written_in_one_insert(
    client, django_assert_num_queries
):
    for _ in range(3):
        read(client, "/fr/journal/")
    assert PageView.objects.count() == 0
    with django_assert_num_queries(1):  # one INSERT, whatever the number of views
        assert flush_page_views() == 3
    assert flush_page_views() == 0  # written once, never twice
    assert PageView.objects.count() == 3


def test_a_full_buffer_is_written_by_the_read_that_fills_it(client, settings):
    settings.COMPTOIR_ANALYTICS_FLUSH_AT = 3
    read(client, "/fr/journal/")
    read(client, "/fr/journal/")
    assert PageView.objects.count() == 0
    read(client, "/fr/journal/")
    assert PageView.objects.count() == 3


def test_an_old_buffer_is_written_by_the_next_read(client, settings):
    settings.COMPTOIR_ANALYTICS_FLUSH_SECONDS = 0
    read(client, "/fr/journal/")
    assert PageView.objects.count() == 1


def test_the_founder_s_figures_count_the_views_still_buffered(client):
    read(client, "/fr/journal/")
    read(client, "/fr/", agent=SAFARI, ip="198.51.100.4")
    today = timezone.localdate()
    figures = business_figures(start=today, end=today)
    assert (figures.page_views, figures.visitors) == (2, 2)
