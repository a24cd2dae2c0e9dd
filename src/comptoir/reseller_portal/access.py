"""Who may enter the reseller space: buyers of an active approved company, and no one else.

Anonymous visitors are sent to sign in; a signed-in consumer or a pending applicant to the apply page.
Nobody else ever reaches a view that could show a wholesale price.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from comptoir.pricing.wholesale import NoPriceList
from comptoir.resellers.selectors import active_buyer_for, wholesale_policy_for

View = Callable[..., HttpResponse]


def buyer_required(view: View) -> View:
    """Sets ``request.buyer`` and ``request.wholesale`` (the company's pricing policy) for the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        buyer = active_buyer_for(user=request.user)
        if buyer is None:
            return redirect("reseller_portal:apply")
        request.buyer = buyer  # type: ignore[attr-defined]
        try:
            request.wholesale = wholesale_policy_for(user=request.user)  # type: ignore[attr-defined]
        except NoPriceList:  # the founder has not set the default wholesale list up yet
            return render(request, "reseller_portal/no_prices.html", {"buyer": buyer}, status=503)
        return view(request, *args, **kwargs)

    return wrapper
