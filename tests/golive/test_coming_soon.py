"""Until she opens the shop, visitors see « bientôt »; staff see the shop; what must work still works."""

import pytest

from comptoir.content.models import LegalRole, Page
from comptoir.golive.services.launch import close_shop_until_opened, open_shop
from comptoir.marketing.models import Subscriber
from tests.factories import ProductFactory, UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_shop(settings):
    settings.SHOP_NAME = "Atelier Orme"
    close_shop_until_opened()
    return VariantFactory(product__name_fr="Chemise Orme", on_hand=5).product


def test_visitors_see_the_coming_soon_page_with_the_newsletter(client, closed_shop):
    for path in ("/fr/", closed_shop.get_absolute_url(), "/fr/panier/", "/fr/journal/"):
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert response["X-Robots-Tag"] == "noindex"
        assert "Bientôt" in page and "Atelier Orme" in page and "Chemise Orme" not in page, path
        assert 'action="/fr/lettre/"' in page


def test_the_sign_up_works_and_says_so_on_the_coming_soon_page(client, closed_shop):
    response = client.post("/fr/lettre/", {"email": "curieuse@example.org", "back": "/fr/"}, follow=True)

    assert Subscriber.objects.filter(email="curieuse@example.org").exists()
    page = response.content.decode()
    assert "Bientôt" in page and "confirmez votre inscription" in page


def test_staff_see_the_shop_as_it_will_be(client, closed_shop):
    client.force_login(UserFactory(is_staff=True))
    page = client.get(closed_shop.get_absolute_url()).content.decode()
    assert "Chemise Orme" in page and "Bientôt" not in page


def test_sign_in_legal_pages_robots_sitemap_and_cockpit_keep_working(client, closed_shop):
    Page.objects.create(
        title_fr="Mentions légales", slug_fr="mentions-legales", body_fr="Atelier Orme SARL, Lyon.",
        legal_role=LegalRole.LEGAL_NOTICE,
    )  # fmt: skip
    assert "Atelier Orme SARL, Lyon." in client.get("/fr/infos/mentions-legales/").content.decode()
    assert 'name="password"' in client.get("/fr/compte/login/").content.decode()
    assert client.get("/robots.txt").content.decode().startswith("User-agent")
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/fr/atelier/")["Location"].startswith("/fr/admin/login/")
    # The reseller space: its own door.
    assert client.get("/fr/pro/")["Location"].startswith("/fr/compte/login/")
    assert client.post("/stripe/webhook/", b"{}", content_type="application/json").status_code == 400


def test_the_page_cache_never_crosses_the_two(client, settings, closed_shop):
    """A visitor's « bientôt » is never stored as the shop's page, and once open, no visitor gets it."""
    settings.COMPTOIR_PAGE_CACHE_SECONDS = 300
    url = closed_shop.get_absolute_url()
    assert "Bientôt" in client.get(url).content.decode()
    staff = client.__class__()
    staff.force_login(UserFactory(is_staff=True))
    assert "Chemise Orme" in staff.get(url).content.decode()
    assert "Bientôt" in client.__class__().get(url).content.decode()  # staff's page not served to her

    open_shop(ready=True)

    for _ in range(2):  # rendered, then from the cache
        page = client.__class__().get(url).content.decode()
        assert "Chemise Orme" in page and "Bientôt" not in page


def test_a_shop_without_a_launch_state_is_open(client):
    """Shops from before the checklist, the demo, the tests: only start_shop closes a shop."""
    product = ProductFactory(name_fr="Chemise Orme")
    VariantFactory(product=product, on_hand=5)
    assert "Chemise Orme" in client.get(product.get_absolute_url()).content.decode()


def test_in_english_too(client, closed_shop):
    page = client.get("/en/").content.decode()
    assert "Coming soon" in page and 'action="/en/newsletter/"' in page
