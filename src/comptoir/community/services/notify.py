"""Emails of the comments: a reply to the commenter who asked for it, an hourly digest for the founder."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.notifications.founder import absolute_url, founder_addresses
from comptoir.shop.profile import current_profile

from ..models import Comment, CommentStatus

DIGEST_EVERY = timedelta(hours=1)


def notify_reply(*, comment_id: int) -> None:
    """Tell the commenter her comment got an answer, once, if she asked to be told."""
    reply = Comment.objects.select_related("parent", "post").filter(pk=comment_id).first()
    if reply is None or reply.parent is None or reply.status != CommentStatus.APPROVED:
        return
    parent = reply.parent
    if not parent.notify_replies or parent.email == reply.email:
        return
    if not Comment.objects.filter(pk=reply.pk, notified_parent_at__isnull=True).update(
        notified_parent_at=timezone.now()
    ):
        return
    with translation.override(parent.language):
        url = absolute_url(reply.post.get_absolute_url()) + f"#comment-{reply.pk}"
        context = {"reply": reply, "parent": parent, "url": url, "shop_name": current_profile().shop_name}
        subject = _("Une réponse à votre commentaire sur « %(title)s »") % {"title": reply.post.title}
        message = EmailMultiAlternatives(
            from_email=current_profile().from_email,
            subject=subject,
            body=render_to_string("community/emails/reply.txt", context),
            to=[parent.email],
        )
        message.attach_alternative(render_to_string("community/emails/reply.html", context), "text/html")
    message.send()


def send_founder_digest(*, now: object = None) -> int:
    """New comments waiting for moderation, in one email at most every hour; returns how many."""
    current = now or timezone.now()
    last = Comment.objects.aggregate(last=Max("notified_founder_at"))["last"]
    if last is not None and current - last < DIGEST_EVERY:  # type: ignore[operator]
        return 0
    waiting = list(
        Comment.objects.filter(status=CommentStatus.PENDING, notified_founder_at__isnull=True)
        .select_related("post")
        .order_by("created_at")
    )
    recipients = founder_addresses()
    if not waiting or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "comments": waiting,
            "moderation_url": absolute_url(
                reverse("admin:community_comment_changelist") + "?status__exact=pending"
            ),
            "shop_name": current_profile().shop_name,
        }
        subject = _("%(count)d commentaire(s) à modérer") % {"count": len(waiting)}
        message = EmailMultiAlternatives(
            from_email=current_profile().from_email,
            subject=subject,
            body=render_to_string("community/emails/digest.txt", context),
            to=recipients,
        )
        message.attach_alternative(render_to_string("community/emails/digest.html", context), "text/html")
    message.send()
    Comment.objects.filter(pk__in=[comment.pk for comment in waiting]).update(notified_founder_at=current)
    return len(waiting)
