"""The founder's moderation: approve, reject, mark as spam, reply as the author."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone

from comptoir.accounts.models import User
from comptoir.notifications.jobs import enqueue
from comptoir.shop.profile import current_profile

from ..models import Comment, CommentStatus
from .notify import notify_reply


def moderate_comments(*, comment_ids: list[int], status: str) -> int:
    """Set the status of the comments; the approved ones are published now and their replies told."""
    if status not in CommentStatus.values:
        raise ValueError(f"Unknown comment status {status!r}")
    with transaction.atomic():
        comments = list(Comment.objects.select_for_update().filter(pk__in=comment_ids))
        for comment in comments:
            comment.status = status
            if status == CommentStatus.APPROVED and comment.published_at is None:
                comment.published_at = timezone.now()
                if comment.parent_id:
                    transaction.on_commit(partial(enqueue, notify_reply, comment_id=comment.pk))
        Comment.objects.bulk_update(comments, ["status", "published_at"])
    return len(comments)


def reply_as_author(*, comment: Comment, body: str, author: User) -> Comment:
    """A reply signed by the founder, published at once, under the comment it answers."""
    with transaction.atomic():
        reply = Comment.objects.create(
            post=comment.post,
            parent=comment,
            name=author.get_full_name() or current_profile().shop_name,
            email=author.email,
            body=body.strip(),
            status=CommentStatus.APPROVED,
            published_at=timezone.now(),
            is_author_reply=True,
            language=comment.language,
        )
        transaction.on_commit(partial(enqueue, notify_reply, comment_id=reply.pk))
    return reply
