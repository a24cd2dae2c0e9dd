"""Reads of the journal and the pages: what a visitor may see, in a bounded number of queries."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Count, Min, Q, QuerySet

from .models import Category, LegalRole, Page, Post, PostStatus, Tag

PREVIEW_SALT = "comptoir.content.preview"


def _slug_lookup(slug: str) -> Q:
    lookup = Q()
    for language_code, _name in settings.LANGUAGES:
        lookup |= Q(**{f"slug_{language_code}": slug})
    return lookup


def live_posts(*, category: Category | None = None, tag: Tag | None = None) -> QuerySet[Post]:
    posts = Post.objects.live().select_related("author", "category").prefetch_related("tags")
    if category is not None:
        posts = posts.filter(category=category)
    if tag is not None:
        posts = posts.filter(tags=tag)
    return posts


def next_post_publication(*, after: datetime) -> datetime | None:
    """The next moment after ``after`` a scheduled post appears in the journal."""
    return Post.objects.filter(status=PostStatus.PUBLISHED, publish_at__gt=after).aggregate(
        moment=Min("publish_at")
    )["moment"]


def post_by_slug(*, slug: str) -> Post | None:
    return live_posts().filter(_slug_lookup(slug)).first()


def post_for_preview(*, token: str) -> Post | None:
    """A draft or a scheduled post, for whoever holds its private link (signed, never guessable), for
    ``COMPTOIR_PREVIEW_LINK_DAYS`` after the link was made: a link forwarded once does not open forever."""
    max_age = timedelta(days=settings.COMPTOIR_PREVIEW_LINK_DAYS)
    try:
        post_id = signing.loads(token, salt=PREVIEW_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return (
        Post.objects.select_related("author", "category").prefetch_related("tags").filter(pk=post_id).first()
    )


def preview_token(*, post: Post) -> str:
    return signing.dumps(post.pk, salt=PREVIEW_SALT)


def related_posts(*, post: Post, limit: int = 3) -> list[Post]:
    """Posts sharing the most tags, then the same rubric, newest first."""
    tag_ids = [tag.pk for tag in post.tags.all()]
    candidates = live_posts().exclude(pk=post.pk)
    ranked = candidates.annotate(shared=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
    if post.category_id:
        ranked = ranked.filter(Q(shared__gt=0) | Q(category_id=post.category_id))
    else:
        ranked = ranked.filter(shared__gt=0)
    return list(ranked.order_by("-shared", "-publish_at")[:limit])


def category_by_slug(*, slug: str) -> Category | None:
    return Category.objects.filter(_slug_lookup(slug)).first()


def tag_by_slug(*, slug: str) -> Tag | None:
    return Tag.objects.filter(_slug_lookup(slug)).first()


def categories_in_use() -> QuerySet[Category]:
    return Category.objects.annotate(live=Count("posts", filter=Q(posts__in=Post.objects.live()))).filter(
        live__gt=0
    )


def tags_in_use() -> QuerySet[Tag]:
    return Tag.objects.annotate(live=Count("posts", filter=Q(posts__in=Post.objects.live()))).filter(
        live__gt=0
    )


def footer_pages() -> QuerySet[Page]:
    """Every page of the footer, legal ones included (``legal_role`` set): one query for both rows."""
    return Page.objects.filter(is_published=True, in_footer=True).only(
        "id", "title_fr", "title_en", "slug_fr", "slug_en", "position", "legal_role"
    )


def legal_page(*, role: LegalRole) -> Page | None:
    """The published page standing for this legal role (the CGV, the privacy policy…), if any."""
    return Page.objects.filter(is_published=True, legal_role=role).first()


def page_by_slug(*, slug: str) -> Page | None:
    return Page.objects.filter(is_published=True).filter(_slug_lookup(slug)).first()
