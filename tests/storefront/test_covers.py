"""Covers of posts and events: renditions of known size, never upscaled, eager only above the fold."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import extruct
import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from comptoir.content.models import Post
from tests.factories import jpeg_bytes
from tests.factories.community import EventFactory
from tests.factories.content import PostFactory

pytestmark = pytest.mark.django_db


class _Pictures(HTMLParser):
    """The <img> and <source> elements of a page, as attribute dicts, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.sources: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag == "source":
            self.sources.append(dict(attrs))


def pictures_of(client, url: str) -> _Pictures:
    response = client.get(url)
    assert response.status_code == 200
    parser = _Pictures()
    parser.feed(response.content.decode())
    return parser


def cover(width: int, height: int) -> ContentFile:
    return ContentFile(jpeg_bytes(width=width, height=height), name="couverture.jpg")


def widths_in(srcset: str | None) -> list[str]:
    return [entry.rsplit(" ", 1)[1] for entry in (srcset or "").split(", ")]


def test_the_hero_of_a_post_has_its_size_webp_renditions_and_loads_first(client):
    post = PostFactory(slug_fr="atelier", cover=cover(1000, 750), cover_alt_fr="Le bureau de coupe")
    assert (post.cover_width, post.cover_height) == (1000, 750)

    page = pictures_of(client, "/fr/journal/atelier/")
    [hero] = [image for image in page.images if image.get("alt") == "Le bureau de coupe"]
    assert (hero["width"], hero["height"]) == ("1000", "750")
    assert hero["loading"] == "eager" and hero["fetchpriority"] == "high"
    assert hero["src"] == post.fallback_url and "/renditions/journal/" in hero["src"]
    [webp] = [source for source in page.sources if source["type"] == "image/webp"]
    # 480 and 800, then the 1200 rendition, which is the 1000 px source itself: never wider.
    assert widths_in(webp["srcset"]) == ["480w", "800w", "1000w"]
    assert all(".webp " in entry for entry in (webp["srcset"] or "").split(", "))
    with post.webp_1200.storage.open(post.webp_1200.name) as stored, Image.open(stored) as largest:
        assert (largest.format, largest.size) == ("WEBP", (1000, 750))


def test_a_cover_smaller_than_the_smallest_rendition_is_not_upscaled(client):
    post = PostFactory(slug_fr="petite", cover=cover(300, 200), cover_alt_fr="Un bouton")
    page = pictures_of(client, "/fr/journal/petite/")
    [image] = [image for image in page.images if image.get("alt") == "Un bouton"]
    assert (image["width"], image["height"]) == ("300", "200")
    assert widths_in(image["srcset"]) == ["300w"]
    assert widths_in(page.sources[0]["srcset"]) == ["300w"]
    with post.webp_480.storage.open(post.webp_480.name) as stored, Image.open(stored) as smallest:
        assert smallest.size == (300, 200)


def test_journal_cards_show_sized_renditions_eager_for_the_first_row_then_lazy(client):
    for day in range(4):
        PostFactory(cover=cover(800, 600), publish_at=timezone.now() - timedelta(days=1 + day))
    page = pictures_of(client, "/fr/journal/")
    cards = [image for image in page.images if "/renditions/journal/" in (image.get("src") or "")]
    assert len(cards) == 4
    assert [card["loading"] for card in cards] == ["eager", "eager", "eager", "lazy"]
    assert all((card["width"], card["height"]) == ("800", "600") for card in cards)
    assert all(card["alt"] == "" for card in cards)  # beside the title, in a link hidden from readers
    assert "fetchpriority" not in cards[3]


def test_shared_and_structured_images_are_the_rendition_not_the_upload(client):
    post = PostFactory(slug_fr="partage", cover=cover(2000, 1500), cover_alt_fr="Une chemise")
    page = client.get("/fr/journal/partage/").content.decode()
    data = extruct.extract(page, base_url="http://testserver/", syntaxes=["json-ld", "opengraph"])
    [posting] = [block for block in data["json-ld"] if block["@type"] == "BlogPosting"]
    assert posting["image"] == ["http://testserver" + post.fallback_url]
    assert f'<meta property="og:image" content="http://testserver{post.fallback_url}">' in page
    assert post.cover.url not in page  # the 2000 px upload is never sent


def test_an_event_cover_is_sized_and_loaded_first_and_shared_as_a_rendition(client):
    event = EventFactory(slug_fr="boutiques", cover=cover(1200, 800), cover_alt_fr="La salle")
    assert (event.cover_width, event.cover_height) == (1200, 800)
    page = pictures_of(client, "/fr/rencontres/boutiques/")
    [image] = [image for image in page.images if image.get("alt") == "La salle"]
    assert (image["width"], image["height"]) == ("1200", "800")
    assert image["loading"] == "eager" and image["fetchpriority"] == "high"
    assert widths_in(page.sources[0]["srcset"]) == ["480w", "800w", "1200w"]
    html = client.get("/fr/rencontres/boutiques/").content.decode()
    assert event.cover.url not in html
    [described] = [
        block
        for block in extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
        if block["@type"] == "Event"
    ]
    assert described["image"] == ["http://testserver" + event.fallback_url]


def test_a_post_without_a_cover_shows_no_picture(client):
    PostFactory(slug_fr="sans-image")
    page = pictures_of(client, "/fr/journal/sans-image/")
    assert not [image for image in page.images if "/journal/" in (image.get("src") or "")]


def test_a_cover_whose_file_was_lost_does_not_break_the_pages(client):
    post = PostFactory(slug_fr="perdue", cover=cover(640, 480), cover_alt_fr="Perdue")
    post.cover.storage.delete(post.cover.name)
    Post.objects.filter(pk=post.pk).update(cover_width=0, cover_height=0)  # as before the migration

    assert client.get("/fr/journal/").status_code == 200
    page = pictures_of(client, "/fr/journal/perdue/")
    [image] = [image for image in page.images if image.get("alt") == "Perdue"]
    assert "width" not in image and "height" not in image  # unknown: no wrong size promised
