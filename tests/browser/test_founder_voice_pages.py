"""The journal, an evening and the pages read well on a phone: no sideways scroll, nothing serious for axe."""

import pytest

from tests.browser.conftest import serious_accessibility_violations
from tests.factories.community import EventFactory
from tests.factories.content import PageFactory, PostFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_journal_evening_and_page_on_a_phone(live_server, browser, screenshots_dir):
    PostFactory(
        slug_fr="atelier", body_fr="## L'atelier\n\n> Une belle chemise ne se remarque pas.\n>\n> — Louise"
    )
    EventFactory(slug_fr="jeudi", title_fr="Les jeudis de l'atelier")
    PageFactory(slug_fr="faq", title_fr="Questions fréquentes")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path, name in (
        ("/fr/journal/", "journal"),
        ("/fr/journal/atelier/", "post"),
        ("/fr/rencontres/", "evenings"),
        ("/fr/rencontres/jeudi/", "evening"),
        ("/fr/infos/faq/", "page"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert serious_accessibility_violations(page) == [], path
        page.screenshot(path=str(screenshots_dir / f"voice-{name}-phone.png"), full_page=True)
