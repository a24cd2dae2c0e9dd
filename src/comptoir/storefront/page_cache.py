"""Anonymous boutique pages served from the cache, each visitor still getting her own CSRF token.

A page is cached only for a visitor who is not signed in, has no cart and no message waiting: that page
is the same for every such visitor but for one thing, the CSRF token of its forms (the newsletter in the
footer, « Ajouter au panier », the stock alert). So the page is stored with a placeholder where the
token was, and each response gets the token of the visitor asking (``visitor_token``, Django's
``get_token`` made faster, which also sets her CSRF cookie if she has none): one visitor's token is
never served to another.

Each entry remembers the pages' generation it was rendered under (core/page_cache.py), bumped whenever
what they show changes: an entry of an older generation is never served, the next visitor's page
replaces it. What time alone changes retires entries too: each expires at the end of its lifetime or,
sooner, when a sale starts or ends or a scheduled post appears (``_true_until``). The entry and the
generation are read together, one round trip to Redis. Responses carry an ETag and Last-Modified and
answer 304 Not Modified to a browser that already holds the page; the ETag includes the visitor's CSRF
secret, so her copy's token is always hers and valid.

``CachedPageMiddleware`` serves a cached page before the session, authentication, messages and the
other middlewares run, to a visitor without a session cookie (so: not signed in, no bag, no message,
all three living in the session). It answers exactly what the view's cache would, with the headers the
other middlewares added when the page was first served (security policy, frame options, language):
no database query and one cache read per page.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language, get_language_from_path

from comptoir.content.selectors import next_post_publication
from comptoir.core.page_cache import entry_and_generation, shop_pages_changed
from comptoir.pricing.sales import next_sale_change

from .cart_session import SESSION_KEY
from .consent import consent_choice, tracker_url

TOKEN_PLACEHOLDER = "__comptoir_csrf_token__"  # noqa: S105 (a marker, not a secret)
# The {% csrf_token %} tag's output; its value then stands for every other use of the same token.
_TOKEN_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
_KEPT_HEADERS = ("Content-Type", "Vary", "X-Robots-Tag")
CACHE_STATUS_HEADER = "X-Page-Cache"


@dataclass(frozen=True, slots=True)
class CachedPage:
    body: str
    generation: int
    expires_at: float  # a timestamp: the end of its lifetime, or sooner what time alone changes
    headers: tuple[tuple[str, str], ...]
    rendered_at: float
    digest: str
    has_token: bool
    # The headers the middlewares outside the view added, once CachedPageMiddleware has seen it served.
    outer_headers: tuple[tuple[str, str], ...] | None = None


def _serves_from_cache(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.COMPTOIR_PAGE_CACHE_SECONDS:
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_KEY) is not None:
        return False  # a guest's bag shows in the header: her pages are her own
    return len(get_messages(request)) == 0


def _page_key(request: HttpRequest, *, language: str) -> str:
    page = "|".join(
        (
            request.build_absolute_uri(),
            language,
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Target", ""),
            # With a third-party tracker, a page differs by the visitor's consent (its script tag, the bar).
            consent_choice(request) if tracker_url() else "",
        )
    )
    return f"comptoir:page:{hashlib.sha256(page.encode()).hexdigest()}"


def _cached_page(key: str) -> tuple[CachedPage | None, int]:
    """The page under ``key`` if it is of the current generation and still true, and that generation."""
    page, generation = entry_and_generation(key)
    if page is None or page.generation != generation or page.expires_at <= time.time():
        return None, generation
    return page, generation


NEXT_CHANGE_KEY = "comptoir:pages:next-scheduled-change"


def _true_until(generation: int) -> float:
    """Until when a page rendered now stays true: the pages' lifetime, or sooner the next start or end
    of a sale (the prices shown) or publication of a scheduled post. Read once per generation."""
    now = time.time()
    known = cache.get(NEXT_CHANGE_KEY)
    if known is None or known[0] != generation or (known[1] is not None and known[1] <= now):
        moment = timezone.now()
        moments = (next_sale_change(after=moment), next_post_publication(after=moment))
        soonest = min((moment for moment in moments if moment is not None), default=None)
        known = (generation, soonest.timestamp() if soonest is not None else None)
        cache.set(NEXT_CHANGE_KEY, known, timeout=None)
    lifetime_ends = now + settings.COMPTOIR_PAGE_CACHE_SECONDS
    return lifetime_ends if known[1] is None else min(lifetime_ends, known[1])


def _store(key: str, page: CachedPage) -> None:
    cache.set(key, page, timeout=max(1, math.ceil(page.expires_at - time.time())))


def _to_cached_page(response: HttpResponse, *, generation: int) -> CachedPage | None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if isinstance(response, SimpleTemplateResponse):
        response.render()  # the sitemaps answer TemplateResponses, rendered on the way out otherwise
    body = response.content.decode(response.charset)
    token = _TOKEN_INPUT.search(body)
    if token is not None:
        body = body.replace(token.group(1), TOKEN_PLACEHOLDER)
    return CachedPage(
        body=body,
        generation=generation,
        expires_at=_true_until(generation),
        headers=tuple((name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)),
        rendered_at=time.time(),
        digest=hashlib.sha256(body.encode()).hexdigest()[:32],
        has_token=token is not None,
    )


_CSRF_CHAR_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}
# Each random byte names a character of the alphabet; bytes from 248 up would favour its first
# characters, so they are dropped (``bytes.translate`` maps and drops in one pass, in C).
_BYTE_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]) for byte in range(256))
_BIASED_BYTES = bytes(range(256 - 256 % len(CSRF_ALLOWED_CHARS), 256))


def _random_csrf_string() -> str:
    """As many characters as a CSRF secret, uniform over Django's CSRF alphabet, from one read of the
    system's randomness (Django's ``get_random_string`` reads it once per character, twice per page)."""
    drawn = b""
    while len(drawn) < CSRF_SECRET_LENGTH:
        drawn += secrets.token_bytes(CSRF_SECRET_LENGTH + 8).translate(_BYTE_TO_CHAR, _BIASED_BYTES)
    return drawn[:CSRF_SECRET_LENGTH].decode()


def visitor_token(request: HttpRequest) -> str:
    """Django's ``get_token``, drawing its random characters faster (a third of a cached page's time
    went there): a new secret for a visitor without a CSRF cookie, masked afresh for each page."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = _random_csrf_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # set (or renew) her cookie on the way out
    mask = _random_csrf_string()
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_CSRF_CHAR_INDEX[s] + _CSRF_CHAR_INDEX[m]) % len(CSRF_ALLOWED_CHARS)]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def _response_for(request: HttpRequest, page: CachedPage, *, status: str) -> HttpResponse:
    body, etag = page.body, page.digest
    if page.has_token:
        body = body.replace(TOKEN_PLACEHOLDER, visitor_token(request))
        # The secret behind the token (set by visitor_token): a new secret means a new ETag, never a 304.
        secret = request.META.get("CSRF_COOKIE", "")
        etag = hashlib.sha256(f"{page.digest}:{secret}".encode()).hexdigest()[:32]
    response = HttpResponse(body)
    # The view's headers, then what the outer middlewares made of them (Vary: the union of both).
    for name, value in (*page.headers, *(page.outer_headers or ())):
        response[name] = value
    response["ETag"] = f'"{etag}"'
    response["Last-Modified"] = http_date(page.rendered_at)
    # The page holds this visitor's token: her browser may keep it, shared caches may not.
    response["Cache-Control"] = "private, no-cache"
    response[CACHE_STATUS_HEADER] = status
    not_modified = get_conditional_response(
        request, etag=response["ETag"], last_modified=int(page.rendered_at), response=response
    )
    return not_modified if not_modified is not None else response


def cached_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s page from the cache to visitors who see the same page as everyone."""

    @wraps(view)
    def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _serves_from_cache(request):
            return view(request, *args, **kwargs)
        key = _page_key(request, language=get_language() or "")
        page, generation = _cached_page(key)
        if page is not None:
            return _response_for(request, page, status="hit")
        response = view(request, *args, **kwargs)
        page = _to_cached_page(response, generation=generation)
        if page is None:
            return response
        _store(key, page)
        return _response_for(request, page, status="miss")

    return serve


# Set by the view's cache, or by Django on the way out: never copied from one visitor's response to another's.
_NOT_OUTER_HEADERS = {"content-length", "etag", "last-modified", "cache-control", CACHE_STATUS_HEADER.lower()}


class CachedPageMiddleware:
    """Serves cached pages to visitors without a session cookie, before the session middleware.

    Placed right after the static files and the audience count (config/settings.py). A visitor with a
    session cookie goes the whole way: the view's cache (``cached_for_visitors``) still serves her.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        page, _generation = _cached_page(key)
        if page is not None and page.outer_headers is not None:
            self.csrf.process_request(request)  # reads her CSRF cookie, as the middleware would
            response = _response_for(request, page, status="hit")
            patch_vary_headers(response, ("Cookie",))
            return self.csrf.process_response(request, response)  # sets the cookie if new
        response = self.get_response(request)
        if response.get(CACHE_STATUS_HEADER) in ("hit", "miss"):
            page, _generation = _cached_page(key)
            if page is not None and page.outer_headers is None:
                outer = tuple(
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in _NOT_OUTER_HEADERS
                )
                _store(key, replace(page, outer_headers=outer))
        return response

    @staticmethod
    def _key(request: HttpRequest) -> str | None:
        if (
            request.method not in ("GET", "HEAD")
            or not settings.COMPTOIR_PAGE_CACHE_SECONDS
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return None
        language = get_language_from_path(request.path_info)
        if not language:
            return None  # the locale middleware redirects to the visitor's language
        return _page_key(request, language=language)


# What boutique pages show comes from these apps; a save or delete of any of their rows retires the
# cached pages. Rows that change with every order and that no page shows are left out. Shipping: a
# product's offer tells search engines its delivery rate (seo/structured_data.py).
SHOWN_APPS = ("catalog", "pricing", "inventory", "promotions", "content", "reviews", "core", "shipping")
UNSHOWN_MODELS = {"promotions.redemption", "inventory.stockmovement"}


def _shown_on_pages(model: Any) -> bool:
    return model._meta.app_label in SHOWN_APPS and model._meta.label_lower not in UNSHOWN_MODELS


def _row_changed(sender: Any, **kwargs: Any) -> None:
    if _shown_on_pages(sender):
        shop_pages_changed()


def _relation_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and _shown_on_pages(sender):
        shop_pages_changed()


def watch_shown_rows() -> None:
    """Connected once at start-up (storefront's AppConfig.ready); services that write with update()
    call ``shop_pages_changed`` themselves (inventory's stock moves, the stock sheet, review moderation)."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    # Per shown model, not for every sender: other rows (carts, orders) keep Django's fast deletes,
    # one DELETE without first reading the rows for a receiver that would ignore them.
    for model in apps.get_models(include_auto_created=True):
        if _shown_on_pages(model):
            label = model._meta.label_lower
            post_save.connect(_row_changed, sender=model, dispatch_uid=f"storefront-page-cache-save-{label}")
            post_delete.connect(
                _row_changed, sender=model, dispatch_uid=f"storefront-page-cache-delete-{label}"
            )
    m2m_changed.connect(_relation_changed, dispatch_uid="storefront-page-cache-m2m")
