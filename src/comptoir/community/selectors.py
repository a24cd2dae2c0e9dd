"""Reads of the comments: only what is published, with its replies, in two queries."""

from __future__ import annotations

from django.db.models import Prefetch

from comptoir.content.models import Post

from .models import Comment, CommentStatus


def published_comments(*, post: Post) -> list[Comment]:
    replies = Comment.objects.filter(status=CommentStatus.APPROVED).order_by("published_at", "id")
    return list(
        Comment.objects.filter(post=post, parent__isnull=True, status=CommentStatus.APPROVED)
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="published_replies"))
        .order_by("published_at", "id")
    )


def comment_of_post(*, post: Post, comment_id: object) -> Comment | None:
    if not str(comment_id).isdigit():
        return None
    return Comment.objects.filter(post=post, pk=int(str(comment_id)), status=CommentStatus.APPROVED).first()
