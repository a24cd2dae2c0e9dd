"""Two headers on every answer.

``Permissions-Policy``: the shop's pages use no camera, microphone, location, payment request or
sensors; a script that slipped in could not ask for them (Stripe's checkout is a redirect to its own
page, which sets its own policy).

``Cache-Control: private, no-store`` on every page answered to a signed-in person (her account and
orders, the reseller space, the cockpit, the admin): no shared proxy keeps it and the back button
does not show it to the next person at the computer. Anonymous pages keep their own caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=()"
)


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = PERMISSIONS_POLICY
        user = getattr(request, "user", None)  # absent on a page served from the anonymous cache
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
