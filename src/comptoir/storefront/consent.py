"""Consent to a third-party tracker, when the founder configures one (COMPTOIR_THIRD_PARTY_TRACKER_URL).

By default there is none: the shop measures its audience itself without cookies, so no banner shows
and only the session and CSRF cookies exist. With a tracker configured, its script tag is written
into the page only once the visitor has said yes on the consent bar; the choice (yes or no) is kept
in a first-party cookie set only when the visitor makes it, for six months (the CNIL's advice),
and the footer's « Cookies » button forgets it, so withdrawing is as easy as consenting.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "comptoir_consent"
COOKIE_MAX_AGE = 6 * 30 * 24 * 3600  # about six months
ACCEPTED, REFUSED = "yes", "no"


def tracker_url() -> str:
    return str(getattr(settings, "COMPTOIR_THIRD_PARTY_TRACKER_URL", "") or "")


def consent_choice(request: HttpRequest) -> str:
    """« yes », « no », or « » when the visitor has not chosen yet."""
    value = request.COOKIES.get(COOKIE_NAME, "")
    return value if value in (ACCEPTED, REFUSED) else ""


def remember_choice(response: HttpResponse, *, choice: str) -> None:
    """Keep « yes » or « no »; anything else forgets the choice, and the bar shows again."""
    if choice in (ACCEPTED, REFUSED):
        response.set_cookie(
            COOKIE_NAME,
            choice,
            max_age=COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
