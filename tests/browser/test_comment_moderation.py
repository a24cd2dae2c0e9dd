"""A visitor comments on a post; it is held; the founder approves it in the back-office; it appears."""

import pytest

from tests.browser.conftest import serious_accessibility_violations
from tests.factories import UserFactory
from tests.factories.content import PostFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_held_comment_appears_once_the_founder_approves_it(live_server, browser, screenshots_dir):
    PostFactory(slug_fr="atelier", title_fr="Dans l'atelier de Guimarães")
    founder = UserFactory(email="fondatrice@example.com", is_staff=True, is_superuser=True)
    founder.set_password("un-mot-de-passe-solide")
    founder.save()

    visitor = browser.new_page(viewport={"width": 390, "height": 844})
    visitor.goto(f"{live_server.url}/fr/journal/atelier/")
    visitor.locator("main [name='name']").fill("Camille")
    visitor.locator("main [name='email']").fill("camille@example.com")
    visitor.locator("main [name='body']").fill("Quel beau travail de col. Merci pour ces photos !")
    visitor.wait_for_timeout(3200)  # a person takes a few seconds to write; robots do not
    visitor.get_by_role("button", name="Envoyer le commentaire").click()
    visitor.get_by_text("Merci ! Votre commentaire sera publié après relecture.").wait_for()
    assert "Quel beau travail de col" not in visitor.locator(".comment-list, .comments").first.inner_text()
    visitor.screenshot(path=str(screenshots_dir / "comment-1-held-phone.png"), full_page=True)

    admin = browser.new_page(viewport={"width": 1280, "height": 900})
    admin.goto(f"{live_server.url}/fr/admin/login/?next=/fr/admin/community/comment/")
    admin.locator("[name='username']").fill("fondatrice@example.com")
    admin.locator("[name='password']").fill("un-mot-de-passe-solide")
    admin.locator("[type='submit']").click()
    admin.wait_for_url("**/admin/community/comment/")
    admin.locator("input[name='_selected_action']").first.check()
    admin.locator("select[name='action']").select_option("approve")
    admin.screenshot(path=str(screenshots_dir / "comment-2-moderation-desktop.png"))
    admin.locator("button[name='index']").click()
    admin.get_by_text("1 commentaire modéré.").wait_for()

    visitor.goto(f"{live_server.url}/fr/journal/atelier/")
    assert "Quel beau travail de col" in visitor.locator("#comments").inner_text()
    assert "camille@example.com" not in visitor.content()
    assert serious_accessibility_violations(visitor) == []
    visitor.screenshot(path=str(screenshots_dir / "comment-3-published-phone.png"), full_page=True)
