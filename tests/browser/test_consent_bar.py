"""In a real browser, a configured third-party tracker is never requested before the visitor says yes."""

from __future__ import annotations

import copy

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRACKER = "https://stats.tracker.example/script.js"


def test_the_tracker_loads_only_after_consent_and_runs_under_the_policy(live_server, browser, settings):
    settings.COMPTOIR_THIRD_PARTY_TRACKER_URL = TRACKER
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["script-src"] = ["'self'", "https://stats.tracker.example"]
    settings.CONTENT_SECURITY_POLICY = policy
    page = browser.new_page()
    requested: list[str] = []
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)

    def tracker(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body="window.tracked = true;")

    page.route("https://stats.tracker.example/**", tracker)

    page.goto(f"{live_server.url}/fr/")
    page.goto(f"{live_server.url}/fr/journal/")
    assert requested == []
    assert [cookie["name"] for cookie in page.context.cookies()] == ["csrftoken"]
    bar = page.locator(".consent-bar")
    assert bar.is_visible()

    with page.expect_request(TRACKER):
        bar.get_by_role("button", name="Accepter").click()
    page.wait_for_load_state("load")  # the async script has run by then

    assert page.evaluate("window.tracked") is True

    assert requested == [TRACKER]
    assert page.url.endswith("/fr/journal/")
    assert not page.locator(".consent-bar").count()
    assert blocked == []


def test_a_refusal_loads_nothing_and_hides_the_bar(live_server, browser, settings):
    settings.COMPTOIR_THIRD_PARTY_TRACKER_URL = TRACKER
    page = browser.new_page()
    requested: list[str] = []
    page.route(
        "https://stats.tracker.example/**", lambda route: (requested.append(route.request.url), route.abort())
    )

    page.goto(f"{live_server.url}/fr/")
    page.locator(".consent-bar").get_by_role("button", name="Refuser").click()
    page.goto(f"{live_server.url}/fr/journal/")

    assert requested == []
    assert not page.locator(".consent-bar").count()
