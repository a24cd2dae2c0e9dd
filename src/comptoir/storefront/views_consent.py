"""The consent bar's answer: remembered in a first-party cookie, then back to the page it came from."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .consent import remember_choice


@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    back = request.POST.get("back", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False)
    response = redirect(back if safe and back.startswith("/") else "storefront:home")
    remember_choice(response, choice=request.POST.get("choice", ""))
    return response
