"""Reads of the comments: only what is published, with its replies, in two queries."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from comptoir.content.models import Post

from .models import Comment, CommentStatus, Event


def published_comments(*, post: Post) -> list[Comment]:
    replies = Comment.objects.filter(status=CommentStatus.APPROVED).order_by("published_at", "id")
    return list(
        Comment.objects.filter(post=post, parent__isnull=True, status=CommentStatus.APPROVED)
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="published_replies"))
        .order_by("published_at", "id")
    )


def comment_of_post(*, post: Post, comment_id: object) -> Comment | None:
    if not str(comment_id).isdecimal():
        return None
    return Comment.objects.filter(post=post, pk=int(str(comment_id)), status=CommentStatus.APPROVED).first()


def upcoming_events() -> list[Event]:
    return list(Event.objects.filter(is_published=True, ends_at__gte=timezone.now()).order_by("starts_at"))


def past_events(*, limit: int = 12) -> list[Event]:
    return list(
        Event.objects.filter(is_published=True, ends_at__lt=timezone.now()).order_by("-starts_at")[:limit]
    )


def event_by_slug(*, slug: str) -> Event | None:
    lookup = Q()
    for language_code, _name in settings.LANGUAGES:
        lookup |= Q(**{f"slug_{language_code}": slug})
    return Event.objects.filter(is_published=True).filter(lookup).first()
