"""Until the founder opens the shop, visitors see the « bientôt » page; staff see the shop as it will be.

The reseller space stays open: only approved resellers enter it, and a brand may well sell to shops
before it opens its own boutique. What keeps working for everyone: the cockpit and the admin (they ask
for staff themselves), signing in, the footer's pages (legal notice, CGV: the law wants them
reachable), the newsletter sign-up the page offers, robots.txt and the sitemap, Stripe's webhook, the
API (keys of its own), uploaded media; static files never reach Django's views.

The page answers 200 with ``X-Robots-Tag: noindex``, not 503: a shop before its opening may stay
closed for weeks, which a 503 (« back in a moment ») does not describe, and a hosting platform's health
check reading the home page must not take it for a failing server. It is answered before any view, so
the page cache (page_cache.py) never stores it; opening the shop retires every cached page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from comptoir.golive.services.launch import shop_is_open

OPEN_NAMESPACES = {"admin", "backoffice", "reseller_portal"}
OPEN_VIEWS = {
    "stripe_webhook",
    "robots_txt",
    "sitemap_section",
    "set_language",
    "storefront:page",
    "storefront:terms",
    "storefront:consent",
    "storefront:newsletter_signup",
    "storefront:newsletter_confirm",
    "storefront:newsletter_unsubscribe",
}
OPEN_PATH_PREFIXES = ("/api/", "/media/", "/sitemap")


def _stays_open(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.path.startswith(OPEN_PATH_PREFIXES):
        return True
    if match is None:
        return False
    if match.namespace in OPEN_NAMESPACES or match.view_name in OPEN_VIEWS:
        return True
    # allauth's own pages (sign in, password reset, email confirmation…): no namespace, « account_… ».
    return not match.namespace and (match.url_name or "").startswith("account_")


class ComingSoonMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if _stays_open(request) or getattr(request.user, "is_staff", False) or shop_is_open():
            return None
        response = render(request, "storefront/coming_soon.html")
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-cache"
        return response
