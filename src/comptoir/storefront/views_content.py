"""The journal (posts, rubrics, tags, feeds, private previews) and the shop's pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from comptoir.community.models import CommentStatus
from comptoir.community.selectors import comment_of_post, published_comments
from comptoir.community.services.post_comment import CommentRefused, form_started_token, post_comment
from comptoir.content import selectors
from comptoir.content.markdown import mentioned_products, plain_text, render_markdown
from comptoir.content.models import Category, Page, Post, Tag
from comptoir.core.models import object_id_for_old_slug
from comptoir.core.rate_limit import client_ip

from .comment_forms import CommentForm
from .navigation import alternate_urls
from .page_cache import cached_for_visitors
from .page_meta import base_url, journal_meta, page_meta_for, post_meta

POSTS_PER_PAGE = 9


@cached_for_visitors
def journal(request: HttpRequest) -> HttpResponse:
    return _listing(request, posts=selectors.live_posts(), heading=_("Le journal"))


@cached_for_visitors
def journal_category(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_by_slug(slug=slug)
    if category is None:
        return _moved_or_404(Category, slug)
    if slug != category.slug:
        return HttpResponsePermanentRedirect(category.get_absolute_url())
    return _listing(
        request, posts=selectors.live_posts(category=category), heading=category.name, current=category
    )


@cached_for_visitors
def journal_tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = selectors.tag_by_slug(slug=slug)
    if tag is None:
        raise Http404(_("Ce mot-clé n'existe pas."))
    if slug != tag.slug:
        return HttpResponsePermanentRedirect(tag.get_absolute_url())
    heading = _("Articles sur « %(tag)s »") % {"tag": tag.name}
    return _listing(request, posts=selectors.live_posts(tag=tag), heading=heading, current=tag)


def _listing(
    request: HttpRequest, *, posts: Any, heading: str, current: Category | Tag | None = None
) -> HttpResponse:
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    if request.GET.get("page") and str(page.number) != request.GET.get("page"):
        raise Http404(_("Cette page n'existe pas."))
    return render(
        request,
        "storefront/journal/index.html",
        {
            "page": page,
            "heading": heading,
            "current": current,
            "categories": selectors.categories_in_use(),
            "alternates": alternate_urls(request, current),
            "page_meta": journal_meta(request, heading=heading, current=current, page_number=page.number),
        },
    )


def journal_post(request: HttpRequest, slug: str) -> HttpResponse:
    post = selectors.post_by_slug(slug=slug)
    if post is None:
        return _moved_or_404(Post, slug)
    if slug != post.slug:
        return HttpResponsePermanentRedirect(post.get_absolute_url())
    return _post_page(request, post)


def journal_preview(request: HttpRequest, token: str) -> HttpResponse:
    post = selectors.post_for_preview(token=token)
    if post is None:
        raise Http404(_("Ce lien d'aperçu n'est pas valable."))
    response = _post_page(request, post, is_preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def journal_comment(request: HttpRequest, slug: str) -> HttpResponse:
    post = selectors.post_by_slug(slug=slug)
    if post is None:
        raise Http404(_("Cette page n'existe pas."))
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _post_page(request, post, comment_form=form, status=200)
    data = form.cleaned_data
    try:
        comment = post_comment(
            post=post,
            parent=comment_of_post(post=post, comment_id=data["parent"]),
            name=data["name"],
            email=data["email"],
            website=data["website"],
            body=data["body"],
            notify_replies=data["notify_replies"],
            honeypot=data["nickname"],
            started_token=data["started"],
            ip_address=client_ip(request),
            language=translation.get_language() or "fr",
        )
    except CommentRefused as refused:
        form.add_error(None, refused.message)
        return _post_page(request, post, comment_form=form, status=200)
    if comment.status == CommentStatus.APPROVED:
        messages.success(request, _("Merci ! Votre commentaire est publié."))
        return redirect(f"{post.get_absolute_url()}#comment-{comment.pk}")
    messages.success(request, _("Merci ! Votre commentaire sera publié après relecture."))
    return redirect(f"{post.get_absolute_url()}#comments")


def _post_page(
    request: HttpRequest,
    post: Post,
    *,
    is_preview: bool = False,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    blocks = render_markdown(post.body)
    url = base_url(request) + post.get_absolute_url()
    title = quote(post.title)
    share = [
        ("X", f"https://x.com/intent/post?url={quote(url)}&text={title}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quote(url)}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={quote(url)}"),
        ("Pinterest", f"https://www.pinterest.com/pin/create/button/?url={quote(url)}&description={title}"),
        (_("E-mail"), f"mailto:?subject={title}&body={quote(url)}"),
    ]
    return render(
        request,
        "storefront/journal/post.html",
        {
            "post": post,
            "blocks": blocks,
            "products": mentioned_products(blocks),
            "related": selectors.related_posts(post=post),
            "share_links": share,
            "is_preview": is_preview,
            "alternates": alternate_urls(request, post),
            "page_meta": post_meta(request, post=post, is_preview=is_preview),
            "comments": published_comments(post=post),
            "comment_form": comment_form or CommentForm(initial={"started": form_started_token()}),
        },
        status=status,
    )


def page(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.page_by_slug(slug=slug)
    if found is None:
        return _moved_or_404(Page, slug)
    if slug != found.slug:
        return HttpResponsePermanentRedirect(found.get_absolute_url())
    return render(
        request,
        "storefront/page.html",
        {
            "page": found,
            "blocks": render_markdown(found.body),
            "alternates": alternate_urls(request, found),
            "page_meta": page_meta_for(request, page=found),
        },
    )


def _moved_or_404(model: type[Post] | type[Page] | type[Category], slug: str) -> HttpResponse:
    object_id = object_id_for_old_slug(model=model, slug=slug)
    found = model.objects.filter(pk=object_id).first() if object_id else None  # type: ignore[attr-defined]
    if found is None or (isinstance(found, Post) and not found.is_live):
        raise Http404(_("Cette page n'existe pas."))
    return HttpResponsePermanentRedirect(found.get_absolute_url())


class JournalFeed(Feed):
    """The journal as RSS 2.0 (and Atom below), in the language of the address."""

    title = gettext_lazy("Le journal")
    description = gettext_lazy("Les nouvelles de l'atelier, les pièces, les rencontres.")

    def link(self) -> str:
        return reverse("storefront:journal")

    def items(self) -> Any:
        return selectors.live_posts()[:30]

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.excerpt or plain_text(item.body)[:400]

    def item_pubdate(self, item: Post) -> Any:
        return item.publish_at

    def item_author_name(self, item: Post) -> str:
        return item.author.get_full_name() or settings.SHOP_NAME


class JournalAtomFeed(JournalFeed):
    feed_type = Atom1Feed
    subtitle = JournalFeed.description
