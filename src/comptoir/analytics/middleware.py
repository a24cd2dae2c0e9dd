"""Counts the pages people read in the shop (see models.py: no cookie, no lasting identifier)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .services.record_page_view import record_page_view

logger = logging.getLogger(__name__)

# Robots, link previews and headless browsers are not visitors.
ROBOTS = re.compile(r"bot|crawl|spider|slurp|preview|lighthouse|headless|python|curl|wget|monitor", re.I)
# Files, the cockpit, the admin, the API, feeds: not pages read by a customer.
NOT_PAGES = re.compile(
    r"^/(static|media|api|feeds|favicon|robots|sitemap)|^/[a-z]{2}/(atelier|workshop|admin)/"
)


class PageViewMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(settings, "COMPTOIR_ANALYTICS", True) and self._is_a_page_read(request, response):
            try:
                record_page_view(
                    path=request.path,
                    ip=request.META.get("REMOTE_ADDR", ""),
                    user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
                )
            except Exception:  # a statistic must never cost a customer her page
                logger.exception("Page view not recorded")
        return response

    @staticmethod
    def _is_a_page_read(request: HttpRequest, response: HttpResponse) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and "HX-Request" not in request.headers
            and not NOT_PAGES.match(request.path)
            and not ROBOTS.search(request.META.get("HTTP_USER_AGENT", "") or "robot")
            and not (user is not None and user.is_authenticated and user.is_staff)
        )
