"""Receive a comment: spam defences first, then held for moderation unless the address is trusted.

The defences need no third-party service: a honeypot field people never see, a minimum time to
fill the form, a limit per IP address, and a limit on links. What they refuse is only counted.
"""

from __future__ import annotations

import re
import time
from functools import partial

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comptoir.content.models import Post
from comptoir.core.rate_limit import allow_each
from comptoir.notifications.jobs import enqueue

from ..models import Comment, CommentStatus, RejectedAttempt
from .notify import notify_reply

STARTED_SALT = "comptoir.community.form-started"
MIN_SECONDS_TO_WRITE = 3
MAX_LINKS = 2
RATE_LIMIT = 5  # comments per IP address ...
RATE_WINDOW_SECONDS = 10 * 60  # ... in ten minutes
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class CommentRefused(Exception):
    """Spam suspected: the visitor is told plainly, nothing is kept but a count."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        messages = {
            "links": _("Trop de liens dans ce commentaire : deux au plus."),
            "rate_limit": _("Beaucoup de commentaires en peu de temps : réessayez dans quelques minutes."),
        }
        self.message = messages.get(
            reason, _("Votre commentaire n'a pas pu être envoyé. Réessayez dans un instant.")
        )
        super().__init__(self.message)


def form_started_token() -> str:
    """Put in the form when it is shown: the comment must not come back before a person could type it."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


def _seconds_since(token: str) -> float:
    try:
        started = float(signing.loads(token, salt=STARTED_SALT, max_age=24 * 3600))
    except (signing.BadSignature, TypeError, ValueError):
        return 0.0
    return time.time() - started


def _refuse(reason: str) -> CommentRefused:
    RejectedAttempt.objects.create(reason=reason)
    return CommentRefused(reason)


def post_comment(
    *,
    post: Post,
    name: str,
    email: str,
    website: str,
    body: str,
    ip_address: str,
    started_token: str,
    honeypot: str = "",
    notify_replies: bool = False,
    language: str = "fr",
    parent: Comment | None = None,
) -> Comment:
    """The comment, published at once for an address the founder already approved, else held."""
    if honeypot.strip():
        raise _refuse("honeypot")
    if _seconds_since(started_token) < MIN_SECONDS_TO_WRITE:
        raise _refuse("too_fast")
    if len(LINK.findall(body)) > MAX_LINKS:
        raise _refuse("links")
    email = email.strip().lower()
    # One address (the trusted one: core.rate_limit.client_ip) and one email each have their limit.
    keys = [f"ip:{ip_address}", f"email:{email}"]
    if not allow_each(action="comment", keys=keys, limit=RATE_LIMIT, window_seconds=RATE_WINDOW_SECONDS):
        raise _refuse("rate_limit")

    trusted = Comment.objects.filter(email__iexact=email, status=CommentStatus.APPROVED).exists()
    with transaction.atomic():
        comment = Comment.objects.create(
            post=post,
            parent=parent if parent is not None and parent.post_id == post.pk else None,
            name=name.strip(),
            email=email,
            website=website.strip(),
            body=body.strip(),
            status=CommentStatus.APPROVED if trusted else CommentStatus.PENDING,
            published_at=timezone.now() if trusted else None,
            notify_replies=notify_replies,
            language=language,
        )
        if trusted and comment.parent_id:
            transaction.on_commit(partial(enqueue, notify_reply, comment_id=comment.pk))
    return comment
