"""The newsletter's sign-up, confirmation and unsubscribe pages, and « Prévenez-moi » on a sold-out size."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comptoir.marketing.services.newsletter import (
    SubscriptionRefused,
    confirm_subscription,
    subscribe,
    unsubscribe,
)
from comptoir.marketing.services.stock_alerts import AlertRefused, request_stock_alert
from comptoir.payments.selectors import gift_card_balance


def _back(request: HttpRequest) -> str:
    back = request.POST.get("back", "")
    return back if back.startswith("/") and not back.startswith("//") else "/"


@require_POST
def newsletter_signup(request: HttpRequest) -> HttpResponse:
    try:
        subscribe(
            email=request.POST.get("email", ""),
            language=translation.get_language() or "fr",
            source=request.POST.get("source", "footer")[:60],
        )
    except SubscriptionRefused as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(
            request,
            _("Presque fini : confirmez votre inscription grâce au lien que nous venons de vous envoyer."),
        )
    return redirect(_back(request))


@require_GET
def newsletter_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = confirm_subscription(token=token)
    return render(
        request,
        "storefront/newsletter/status.html",
        {"done": subscriber is not None, "action": "confirm"},
        status=200 if subscriber else 400,
    )


@csrf_exempt  # a mail client's one-click unsubscribe (RFC 8058) posts without a form of ours
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = unsubscribe(token=token)
    return render(
        request,
        "storefront/newsletter/status.html",
        {"done": subscriber is not None, "action": "unsubscribe"},
        status=200 if subscriber else 400,
    )


@require_POST
def stock_alert(request: HttpRequest) -> HttpResponse:
    try:
        request_stock_alert(
            variant_id=request.POST.get("variant", ""),
            email=request.POST.get("email", ""),
            language=translation.get_language() or "fr",
        )
    except AlertRefused as refused:
        error, done = refused.messages[0], False
    else:
        error, done = "", True
    if getattr(request, "htmx", False):
        return render(request, "storefront/partials/stock_alert_result.html", {"error": error, "done": done})
    if done:
        messages.success(request, _("C'est noté : nous vous écrirons dès que cette taille sera de retour."))
    else:
        messages.error(request, error)
    return redirect(_back(request))


@require_http_methods(["GET", "POST"])
def gift_card_balance_page(request: HttpRequest) -> HttpResponse:
    """The holder types a code and reads what is left on it (posted: the code stays out of the URL)."""
    code = request.POST.get("code", "")[:40] if request.method == "POST" else ""
    balance = gift_card_balance(code=code) if code else None
    response = render(
        request,
        "storefront/gift_card_balance.html",
        {"code": code, "balance": balance, "not_found": bool(code.strip()) and balance is None},
    )
    response["X-Robots-Tag"] = "noindex"
    return response
