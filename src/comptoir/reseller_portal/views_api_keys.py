"""The company's API keys: listed, created (the clear key shown once, on this answer only) and revoked.

Any buyer of the company manages them; another company's key id is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from comptoir.resellers.errors import ResellerError
from comptoir.resellers.models import ApiKey
from comptoir.resellers.selectors import company_api_keys
from comptoir.resellers.services.api_keys import create_api_key, revoke_api_key

from .access import buyer_required
from .forms import ApiKeyForm


@buyer_required
@require_http_methods(["GET", "POST"])
def api_keys(request: HttpRequest) -> HttpResponse:
    buyer = request.buyer  # type: ignore[attr-defined]
    form = ApiKeyForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                created = create_api_key(buyer=buyer, name=form.cleaned_data["name"])
            except ResellerError as error:
                messages.error(request, error.messages[0])
                status = 400
            else:
                form = ApiKeyForm()
        else:
            status = 400
    response = render(
        request,
        "reseller_portal/api_keys.html",
        {"buyer": buyer, "keys": company_api_keys(buyer=buyer), "form": form, "created": created},
        status=status,
    )
    # The clear key is in this page only: no cache (browser or proxy) may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


@buyer_required
@require_http_methods(["POST"])
def revoke_api_key_view(request: HttpRequest, key_id: int) -> HttpResponse:
    try:
        revoked = revoke_api_key(buyer=request.buyer, key_id=key_id)  # type: ignore[attr-defined]
    except ApiKey.DoesNotExist as missing:
        raise Http404 from missing
    messages.success(request, _("La clé « %(name)s » est révoquée.") % {"name": revoked.name})
    return redirect("reseller_portal:api_keys")
