"""What crawlers fetch: robots.txt and the Google Merchant Center product feed (sitemaps: config/urls.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from comptoir.notifications.jobs import enqueue
from comptoir.seo.merchant_feed import build_merchant_feed, claim_build, is_current, stored_merchant_feed
from comptoir.seo.site_audit import private_prefixes

from .page_meta import SHOP_DESCRIPTION, base_url


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{language}/{prefix}" for prefix in private_prefixes(language)]
    lines += ["", f"Sitemap: {base_url(request)}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def merchant_feed(request: HttpRequest, language: str) -> HttpResponseBase:
    """The latest feed file; once what it shows has changed, a new one is asked for (seo/merchant_feed.py)."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    feed = stored_merchant_feed(language=language)
    if not is_current(feed) and claim_build(language=language):
        with translation.override(language):
            description = translation.gettext(SHOP_DESCRIPTION)
        # A worker builds it when there is one; without, this process does, now: then it is served.
        enqueue(build_merchant_feed, language=language, base_url=base_url(request), description=description)
        feed = stored_merchant_feed(language=language)
    if feed is None:  # the very first feed is being written by the worker
        return HttpResponse(
            _("Le flux est en préparation : revenez dans quelques minutes."),
            status=503,
            headers={"Retry-After": "300"},
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(
        default_storage.open(feed.name), content_type="application/rss+xml; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=900"
    return response
