"""Hostile text typed into posts, comments, reviews and event registrations never runs anywhere:
on the site, in the back-office, in emails."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.utils import timezone

from comptoir.community.models import Comment, CommentStatus
from comptoir.community.services.events import register
from comptoir.community.services.notify import send_founder_digest
from comptoir.orders.models import OrderStatus
from comptoir.reviews.models import Review, ReviewStatus
from comptoir.reviews.services.write_review import moderate_reviews, write_review
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.community import EventFactory
from tests.factories.content import PostFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    "<svg onload=alert(1)>",
    "\u202eevil\u202c" + "x" * 50,
    "{{ 7*7 }}{% debug %}",
]


class _Dangers(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"iframe", "object", "embed"}:
            self.found.append(tag)
        # The shop's own scripts come from its own paths; data blocks (JSON-LD, json_script) never run.
        own = (values.get("src") or "").startswith("/")
        data = values.get("type") in {"application/ld+json", "application/json"}
        if tag == "script" and not own and not data:
            self.found.append(f"script {values}")
        for name, value in attrs:
            is_link = name in {"href", "src", "action", "formaction", "xlink:href"}
            if name.startswith("on") or (is_link and (value or "").strip().lower().startswith("javascript:")):
                self.found.append(f"{tag} {name}")


def dangers(html: str) -> list[str]:
    parser = _Dangers()
    parser.feed(html)
    return parser.found


@pytest.fixture
def founder(client):
    user = UserFactory(is_staff=True, is_superuser=True, email="fondatrice@example.com")
    return user


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_comment_is_inert_on_the_post_in_the_admin_and_in_the_digest(client, founder, mailoutbox, payload):
    post = PostFactory(slug_fr="atelier")
    Comment.objects.create(
        post=post, name=f"Eve {payload}", email="eve@example.com", website="", body=f"Bonjour {payload}",
        status=CommentStatus.APPROVED, published_at=timezone.now(),
    )  # fmt: skip
    Comment.objects.create(post=post, name=payload, email="x@example.com", body=payload)  # pending
    assert dangers(client.get("/fr/journal/atelier/").content.decode()) == []
    send_founder_digest()
    assert dangers(mailoutbox[-1].alternatives[0][0]) == []
    assert "{{ 7*7 }}" not in mailoutbox[-1].body or "49" not in mailoutbox[-1].body
    client.force_login(founder)
    assert dangers(client.get("/fr/admin/community/comment/").content.decode()) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_review_is_inert_on_the_product_page_and_in_the_admin(client, founder, payload):
    variant = VariantFactory(product=ProductFactory(slug_fr="chemise"))
    order = order_with_stock(status=OrderStatus.DELIVERED, variant=variant)
    write_review(order=order, product_id=variant.product_id, rating=5, body=payload, name=payload[:60])
    moderate_reviews(
        review_ids=list(Review.objects.values_list("pk", flat=True)), status=ReviewStatus.APPROVED
    )
    assert dangers(client.get("/fr/produits/chemise/").content.decode()) == []
    client.force_login(founder)
    assert dangers(client.get("/fr/admin/reviews/review/").content.decode()) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_registration_is_inert_in_the_admin_and_in_emails(
    client, founder, mailoutbox, django_capture_on_commit_callbacks, payload
):
    event = EventFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        register(event=event, name=f"Eve {payload}"[:120], email="eve@example.com", company=payload[:120])
    assert dangers(mailoutbox[-1].alternatives[0][0]) == []
    client.force_login(founder)
    assert dangers(client.get(f"/fr/admin/community/event/{event.pk}/change/").content.decode()) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_post_is_inert_on_the_site_and_in_the_back_office_preview(client, founder, payload):
    PostFactory(
        slug_fr="post", title_fr=f"T {payload}", excerpt_fr=payload, body_fr=f"{payload}\n\n> {payload}"
    )
    assert dangers(client.get("/fr/journal/post/").content.decode()) == []
    assert dangers(client.get("/fr/journal/").content.decode()) == []
    client.force_login(founder)
    preview = client.post("/fr/admin/content/post/preview/", {"text": payload}).content.decode()
    assert dangers(preview) == []
