"""The journal: safe Markdown with pull quotes and live product cards, scheduling, previews, feeds."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from decimal import Decimal
from html.parser import HTMLParser

import extruct
import pytest
from django.urls import reverse
from django.utils import timezone

from comptoir.content.models import PostStatus
from comptoir.content.selectors import preview_token
from tests.factories import ProductFactory, VariantFactory
from tests.factories.content import CategoryFactory, PageFactory, PostFactory, TagFactory

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)">clic</a>',
    "<iframe src=//evil.example></iframe>",
    '"><svg onload=alert(1)>',
]


def page_of(client, url: str) -> str:
    return client.get(url).content.decode()


def test_a_post_shows_its_pull_quote_and_a_live_product_card(client):
    product = ProductFactory(
        name_fr="Chemise Oxford", slug_fr="chemise-oxford", retail_price=Decimal("95.00")
    )
    VariantFactory(product=product, on_hand=3)
    PostFactory(
        slug_fr="atelier",
        body_fr=(
            "Intro.\n\n> Une belle chemise ne se remarque pas.\n>\n> — Louise\n\n"
            "[[produit:chemise-oxford]]\n\nFin."
        ),
    )
    page = page_of(client, "/fr/journal/atelier/")
    assert '<blockquote class="pull-quote">\n<p>Une belle chemise ne se remarque pas.</p>' in page
    assert "<footer>— <cite>Louise</cite></footer>" in page
    assert 'class="product-mention"' in page and "95,00" in page and "Disponible" in page
    assert "Les pièces de l&#x27;article" in page or "Les pièces de l'article" in page
    assert "1 minute de lecture" in page and "Par Louise Martin" in page


class _Dangers(HTMLParser):
    """Collects what a browser would run: script elements, event handlers, javascript: links, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"iframe", "object", "embed"}:
            self.found.append(tag)
        if tag == "script" and values.get("type") != "application/ld+json":
            self.found.append(f"script {values.get('src')}")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def dangers(page: str) -> list[str]:
    parser = _Dangers()
    parser.feed(page)
    return [found for found in parser.found if "/static/" not in found]  # the shop's own scripts


@pytest.mark.parametrize("payload", XSS)
def test_nothing_a_post_contains_can_run_a_script(client, payload):
    PostFactory(
        slug_fr="xss", title_fr=f"Titre {payload}", excerpt_fr=payload, body_fr=f"Texte {payload} fin."
    )
    assert dangers(page_of(client, "/fr/journal/xss/")) == []
    assert dangers(page_of(client, "/fr/journal/")) == []
    assert (
        "alert(1)"
        not in client.get("/fr/journal/rss/").content.decode().replace("&lt;", "").split("<item>")[0]
    )


def test_a_scheduled_post_stays_hidden_until_its_time_but_its_private_link_shows_it(client):
    post = PostFactory(slug_fr="demain", publish_at=timezone.now() + dt.timedelta(days=1))
    draft = PostFactory(slug_fr="brouillon", status=PostStatus.DRAFT)
    assert client.get("/fr/journal/demain/").status_code == 404
    assert client.get("/fr/journal/brouillon/").status_code == 404
    assert "demain" not in page_of(client, "/fr/journal/")

    preview = client.get(reverse("storefront:journal_preview", args=[preview_token(post=draft)]))
    assert preview.status_code == 200 and "Aperçu privé" in preview.content.decode()
    assert preview["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(reverse("storefront:journal_preview", args=["faux"])).status_code == 404
    assert post.pk  # the scheduled post exists, only hidden


def test_a_preview_link_stops_opening_after_the_days_set(client, settings):
    import time_machine

    settings.COMPTOIR_PREVIEW_LINK_DAYS = 30
    draft = PostFactory(title_fr="Brouillon", status=PostStatus.DRAFT)
    made = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(made, tick=False):
        url = reverse("storefront:journal_preview", args=[preview_token(post=draft)])
    with time_machine.travel(made + dt.timedelta(days=29), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(made + dt.timedelta(days=31), tick=False):
        assert client.get(url).status_code == 404


def test_the_index_paginates_and_filters_by_rubric_and_tag(client, settings):
    linen = TagFactory(name_fr="Lin", slug_fr="lin")
    atelier = CategoryFactory(name_fr="L'atelier", slug_fr="atelier")
    PostFactory(title_fr="Sur le lin", category=atelier, tags=[linen])
    PostFactory(title_fr="Autre chose")
    assert "Sur le lin" in page_of(client, "/fr/journal/rubrique/atelier/")
    assert "Autre chose" not in page_of(client, "/fr/journal/rubrique/atelier/")
    tag_page = page_of(client, "/fr/journal/mot-cle/lin/")
    assert "Articles sur « Lin »" in html.unescape(tag_page) and "Autre chose" not in tag_page
    for _ in range(10):
        PostFactory()
    assert client.get("/fr/journal/?page=2").status_code == 200
    assert client.get("/fr/journal/?page=9").status_code == 404


def test_related_posts_share_tags(client):
    linen = TagFactory()
    PostFactory(slug_fr="un", tags=[linen])
    PostFactory(title_fr="Le cousin", tags=[linen])
    PostFactory(title_fr="Sans rapport")
    page = page_of(client, "/fr/journal/un/")
    assert "Le cousin" in page and "Sans rapport" not in page


def test_share_links_are_plain_links_without_any_third_party_script(client):
    PostFactory(slug_fr="partage", title_fr="Le lin")
    page = page_of(client, "/fr/journal/partage/")
    for host in (
        "x.com/intent/post",
        "facebook.com/sharer",
        "linkedin.com/sharing",
        "pinterest.com/pin/create",
    ):
        assert host in page
    assert "mailto:?subject=Le%20lin" in page
    assert not any(f'src="https://{host}' in page for host in ("x.com", "facebook", "linkedin", "pinterest"))


def test_a_post_carries_blogposting_json_ld(client):
    PostFactory(slug_fr="jsonld", title_fr="Dans l'atelier")
    page = page_of(client, "/fr/journal/jsonld/")
    blocks = extruct.extract(page, base_url="http://testserver/fr/journal/jsonld/", syntaxes=["json-ld"])[
        "json-ld"
    ]
    [posting] = [block for block in blocks if block["@type"] == "BlogPosting"]
    assert posting["headline"] == "Dans l'atelier"
    assert posting["author"] == {"@type": "Person", "name": "Louise Martin"}
    assert posting["datePublished"] and posting["url"] == "http://testserver/fr/journal/jsonld/"


def test_rss_and_atom_feeds_list_live_posts(client):
    PostFactory(title_fr="Visible")
    PostFactory(title_fr="Programmé", publish_at=timezone.now() + dt.timedelta(days=2))
    rss = ET.fromstring(client.get("/fr/journal/rss/").content)  # noqa: S314 - our own feed
    assert [item.find("title").text for item in rss.findall("channel/item")] == ["Visible"]
    atom = ET.fromstring(client.get("/fr/journal/atom/").content)  # noqa: S314 - our own feed
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert [entry.find("{http://www.w3.org/2005/Atom}title").text for entry in entries] == ["Visible"]
    assert client.get("/en/journal/rss/").status_code == 200


def test_a_renamed_post_answers_301(client):
    post = PostFactory(slug_fr="ancien")
    post.slug_fr = "nouveau"
    post.save()
    response = client.get("/fr/journal/ancien/")
    assert (response.status_code, response["Location"]) == (301, "/fr/journal/nouveau/")


def test_pages_are_linked_from_the_footer_and_rendered_safely(client):
    PageFactory(
        title_fr="Livraison & retours", slug_fr="livraison", body_fr="## Délais\n\n48 h. <script>x</script>"
    )
    PageFactory(title_fr="Brouillon", slug_fr="cachee", is_published=False)
    home = page_of(client, "/fr/")
    assert 'href="/fr/infos/livraison/"' in home and "/fr/infos/cachee/" not in home
    page = page_of(client, "/fr/infos/livraison/")
    assert "<h2>Délais</h2>" in page and "<script>x" not in page
    assert client.get("/fr/infos/cachee/").status_code == 404


def test_the_back_office_previews_markdown_as_it_is_typed(client):
    from tests.factories import UserFactory

    product = ProductFactory(name_fr="Chemise Oxford", slug_fr="chemise-oxford")
    VariantFactory(product=product)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        "/fr/admin/content/post/preview/",
        {"text": "# Titre\n\n[[produit:chemise-oxford]]\n\n<script>x</script>"},
    )
    body = response.content.decode()
    assert "Chemise Oxford" in body and "<script>x" not in body
    client.logout()
    assert client.post("/fr/admin/content/post/preview/", {"text": "x"}).status_code == 302  # to the login
