"""Staff two-factor in the cockpit and the admin: enrol an authenticator app, then a code per session.

``StaffTwoFactorMiddleware`` sends a staff session that has not given a code (``user.is_verified()``,
django-otp) from any cockpit or admin page to the code step; to the enrolment page first when the
shop requires two-factor and this person has no device yet. Customers' pages are never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from comptoir.accounts.services.two_factor import (
    attempt_allowed,
    confirm_enrolment,
    has_device,
    new_recovery_codes,
    pending_device,
    recovery_codes_left,
    secret_as_text,
    two_factor_required,
    verify_token,
)

GUARDED = ("backoffice", "admin")
OPEN = {"backoffice:two_factor", "backoffice:two_factor_verify", "admin:login", "admin:logout"}


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.namespace not in GUARDED or match.view_name in OPEN:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():  # type: ignore[union-attr, attr-defined]
            return None
        if not two_factor_required(user=user):  # type: ignore[arg-type]
            return None
        step = "backoffice:two_factor_verify" if has_device(user=user) else "backoffice:two_factor"  # type: ignore[arg-type]
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code à 6 chiffres"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 8}
        ),
    )


class SignInCodeForm(TokenForm):
    token = forms.CharField(
        label=gettext_lazy("Code à 6 chiffres, ou code de secours"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 10}),
    )


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=False):
        return wanted
    return reverse("backoffice:today")


def _recovery_codes(request: HttpRequest, *, codes: list[str], next_url: str) -> HttpResponse:
    """The new recovery codes, shown this once: never kept by a browser or a proxy."""
    response = render(request, "backoffice/two_factor_codes.html", {"codes": codes, "next": next_url})
    response["Cache-Control"] = "no-store"
    return response


def _locked(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context["form"].add_error(None, _("Trop de codes essayés : réessayez dans 15 minutes."))
    return render(request, template, context, status=429)


@staff_member_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key) in an authenticator app, then give its first code."""
    user = request.user
    if has_device(user=user) and not user.is_verified():  # type: ignore[arg-type, union-attr, attr-defined]
        return redirect(f"{reverse('backoffice:two_factor_verify')}?{urlencode({'next': _next(request)})}")
    if request.method == "POST" and "new_codes" in request.POST and has_device(user=user):  # type: ignore[arg-type]
        return _recovery_codes(
            request,
            codes=new_recovery_codes(user=user),  # type: ignore[arg-type]
            next_url=reverse("backoffice:two_factor"),
        )
    form = TokenForm(request.POST or None)
    context: dict[str, Any] = {
        "form": form,
        "next": _next(request),
        "enrolled": has_device(user=user),  # type: ignore[arg-type]
        "codes_left": recovery_codes_left(user=user),  # type: ignore[arg-type]
    }
    if not context["enrolled"] or request.GET.get("again") or request.method == "POST":
        device = pending_device(user=user)  # type: ignore[arg-type]
        # Drawn on the server as SVG markup: no image request, no script (the CSP allows none inline).
        qr_code = segno.make(device.config_url, error="m").svg_inline(border=4, omitsize=True)
        context["qr_code"] = mark_safe(qr_code)  # noqa: S308 (segno's own markup: paths, no text of ours)
        context["secret"] = secret_as_text(device=device)
        context["enrolled"] = False
    if request.method == "POST" and form.is_valid():
        if not attempt_allowed(user=user):  # type: ignore[arg-type]
            return _locked(request, "backoffice/two_factor_enrol.html", context)
        device = confirm_enrolment(user=user, token=form.cleaned_data["token"])  # type: ignore[arg-type]
        if device is not None:
            otp_login(request, device)
            messages.success(
                request, _("Double authentification activée : un code vous sera demandé à chaque connexion.")
            )
            return _recovery_codes(request, codes=new_recovery_codes(user=user), next_url=_next(request))  # type: ignore[arg-type]
        form.add_error("token", _("Ce code ne correspond pas : vérifiez l'heure du téléphone et réessayez."))
    return render(request, "backoffice/two_factor_enrol.html", context, status=422 if form.errors else 200)


@staff_member_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The code step, once per session, before the cockpit or the admin opens."""
    user = request.user
    if not has_device(user=user):  # type: ignore[arg-type]
        return redirect(f"{reverse('backoffice:two_factor')}?{urlencode({'next': _next(request)})}")
    form = SignInCodeForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "next": _next(request)}
    if request.method == "POST" and form.is_valid():
        if not attempt_allowed(user=user):  # type: ignore[arg-type]
            return _locked(request, "backoffice/two_factor_verify.html", context)
        device = verify_token(user=user, token=form.cleaned_data["token"])  # type: ignore[arg-type]
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("Ce code ne correspond pas."))
    return render(request, "backoffice/two_factor_verify.html", context, status=422 if form.errors else 200)
