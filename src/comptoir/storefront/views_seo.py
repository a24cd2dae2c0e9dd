"""What crawlers fetch: robots.txt and the Google Merchant Center product feed (sitemaps: config/urls.py)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from comptoir.seo.catalogue import merchant_feed_items
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
@cache_page(60 * 15)
def merchant_feed(request: HttpRequest, language: str) -> HttpResponse:
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        base = base_url(request)
        context = {
            "shop_name": settings.SHOP_NAME,
            "home_url": base + reverse("storefront:home"),
            "description": translation.gettext(SHOP_DESCRIPTION),
            "items": merchant_feed_items(base_url=base, brand=settings.SHOP_NAME),
        }
        response = render(request, "seo/merchant_feed.xml", context, content_type="application/rss+xml")
    return response
