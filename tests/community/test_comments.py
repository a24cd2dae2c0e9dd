"""Comments: required fields, moderation, spam defences, escaping everywhere, replies and the digest."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

from comptoir.community.models import Comment, CommentStatus, RejectedAttempt
from comptoir.community.services.notify import send_founder_digest
from comptoir.community.services.post_comment import STARTED_SALT
from tests.factories import UserFactory
from tests.factories.content import PostFactory

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def post():
    return PostFactory(slug_fr="atelier", title_fr="Dans l'atelier")


def a_minute_ago() -> str:
    return signing.dumps(time.time() - 60, salt=STARTED_SALT)


def send(client, **fields):
    data = {
        "name": "Camille",
        "email": "camille@example.com",
        "website": "",
        "body": "Très bel article, merci pour ce regard sur l'atelier.",
        "started": a_minute_ago(),
        "nickname": "",
    }
    headers = {"REMOTE_ADDR": fields.pop("ip", "203.0.113.7")}
    if "HTTP_X_FORWARDED_FOR" in fields:
        headers["HTTP_X_FORWARDED_FOR"] = fields.pop("HTTP_X_FORWARDED_FOR")
    data.update(fields)
    return client.post("/fr/journal/atelier/commenter/", data, **headers)


def test_missing_fields_are_named_and_nothing_is_kept(client, post):
    page = send(client, name="", email="", body="").content.decode()
    assert "Indiquez votre nom." in page
    assert "Indiquez votre adresse e-mail : elle ne sera jamais publiée." in page
    assert "Écrivez votre commentaire." in page
    assert not Comment.objects.exists()


def test_a_first_comment_waits_then_the_same_address_is_published_at_once(client, post):
    response = send(client)
    assert response["Location"] == "/fr/journal/atelier/#comments"
    assert (
        "Merci ! Votre commentaire sera publié après relecture."
        in client.get(response["Location"]).content.decode()
    )
    first = Comment.objects.get()
    assert first.status == CommentStatus.PENDING
    assert "Très bel article" not in client.get("/fr/journal/atelier/").content.decode()

    first.status = CommentStatus.APPROVED
    first.published_at = timezone.now()
    first.save()
    send(client, email="CAMILLE@example.com", body="Et la suite, quand ?")
    assert Comment.objects.get(body="Et la suite, quand ?").status == CommentStatus.APPROVED
    page = client.get("/fr/journal/atelier/").content.decode()
    assert "Et la suite, quand ?" in page and "camille@example.com" not in page.lower()


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"nickname": "buy-cheap"}, "honeypot"),
        ({"started": "just now"}, "too_fast"),
        ({"started": "forged"}, "too_fast"),
        ({"body": "http://a.example http://b.example http://c.example"}, "links"),
    ],
)
def test_spam_is_refused_counted_and_not_kept(client, post, fields, reason):
    if fields.get("started") == "just now":  # signed as the form is sent: nobody types that fast
        fields = {"started": signing.dumps(time.time(), salt=STARTED_SALT)}
    response = send(client, **fields)
    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert RejectedAttempt.objects.get().reason == reason


def test_one_address_cannot_flood_the_journal(client, post):
    for index in range(5):
        send(client, body=f"Commentaire numéro {index}, tout à fait sincère.")
    page = send(client, body="Et encore un.").content.decode()
    assert "Beaucoup de commentaires en peu de temps" in page
    assert Comment.objects.count() == 5
    send(client, body="Depuis ailleurs.", ip="198.51.100.2")  # the same email, limited too
    assert Comment.objects.count() == 5
    send(client, body="Depuis ailleurs.", ip="198.51.100.2", email="dominique@example.com")
    assert Comment.objects.count() == 6


def test_a_forged_forwarded_for_does_not_lift_the_limit(client, post):
    for index in range(7):
        send(
            client,
            body=f"Commentaire numéro {index}, tout à fait sincère.",
            email=f"bot{index}@spam.example",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{index}",
        )
    assert Comment.objects.count() == 5
    assert RejectedAttempt.objects.filter(reason="rate_limit").count() == 2


def test_what_a_commenter_types_is_escaped_on_the_page_in_the_back_office_and_in_emails(
    client, post, mailoutbox
):
    founder = UserFactory(is_staff=True, is_superuser=True, email="fondatrice@example.com")
    send(client, name=f"Eve {XSS}", body=f"Bonjour {XSS}")
    comment = Comment.objects.get()
    comment.status, comment.published_at = CommentStatus.APPROVED, timezone.now()
    comment.save()

    page = client.get("/fr/journal/atelier/").content.decode()
    assert XSS not in page and "&lt;script&gt;" in page
    client.force_login(founder)
    admin = client.get("/fr/admin/community/comment/").content.decode()
    assert XSS not in admin and "&lt;script&gt;" in admin

    Comment.objects.update(status=CommentStatus.PENDING, notified_founder_at=None)
    send_founder_digest()
    html = mailoutbox[-1].alternatives[0][0]
    assert XSS not in html and "&lt;script&gt;" in html


def test_the_founder_approves_rejects_and_marks_spam(client, post):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for body in ("Un", "Deux", "Trois"):
        send(client, body=f"Commentaire {body}", email=f"{body.lower()}@example.com")
    one, two, three = Comment.objects.order_by("pk")
    for action, comment in (("approve", one), ("reject", two), ("mark_spam", three)):
        client.post("/fr/admin/community/comment/", {"action": action, "_selected_action": [comment.pk]})
    assert [c.status for c in Comment.objects.order_by("pk")] == ["approved", "rejected", "spam"]
    page = client.get("/fr/journal/atelier/").content.decode()
    assert "Commentaire Un" in page and "Commentaire Deux" not in page and "Commentaire Trois" not in page


def test_a_reply_as_the_author_is_published_and_the_commenter_who_asked_is_told(
    client, post, mailoutbox, django_capture_on_commit_callbacks
):
    founder = UserFactory(is_staff=True, is_superuser=True, first_name="Louise", last_name="Martin")
    send(client, notify_replies="on")
    comment = Comment.objects.get()
    client.force_login(founder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/admin/community/comment/{comment.pk}/change/", {"reply": "Merci Camille !"})
    comment.refresh_from_db()
    reply = Comment.objects.get(is_author_reply=True)
    assert (comment.status, reply.status, reply.parent) == (
        CommentStatus.APPROVED,
        CommentStatus.APPROVED,
        comment,
    )
    page = client.get("/fr/journal/atelier/").content.decode()
    assert "Merci Camille !" in page and "Autrice" in page
    [email] = mailoutbox
    assert email.to == ["camille@example.com"] and "Louise Martin vous a répondu" in email.body


def test_the_founder_gets_at_most_one_digest_an_hour(client, post, mailoutbox):
    UserFactory(is_staff=True, is_superuser=True, email="fondatrice@example.com")
    send(client)
    now = timezone.now()
    assert send_founder_digest(now=now) == 1
    send(client, email="autre@example.com", body="Un autre avis, argumenté et poli.")
    assert send_founder_digest(now=now + dt.timedelta(minutes=20)) == 0
    assert send_founder_digest(now=now + dt.timedelta(minutes=61)) == 1
    assert [m.subject for m in mailoutbox] == ["1 commentaire(s) à modérer", "1 commentaire(s) à modérer"]
    assert mailoutbox[0].to == ["fondatrice@example.com"]
