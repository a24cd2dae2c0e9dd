"""The owner's invoicing pages: the seller's settings, the sales journal and the FEC.

Owner only: the « Préparation des colis » group packs and ships and never sees money or identity.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from comptoir.invoicing.legal import late_payment_floor
from comptoir.invoicing.seller import current_seller
from comptoir.invoicing.services.update_seller_settings import update_seller_settings

from .forms_invoicing import SellerSettingsForm


def _owner_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


@staff_member_required
@require_http_methods(["GET", "POST"])
def seller_settings(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    form = SellerSettingsForm(request.POST or None, instance=current_seller())
    if request.method == "POST" and form.is_valid():
        try:
            update_seller_settings(values=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Paramètres enregistrés : les prochaines factures les reprennent."))
            return redirect("backoffice:seller_settings")
    return render(
        request,
        "backoffice/seller_settings.html",
        {"form": form, "floor": late_payment_floor()},
        status=422 if form.errors else 200,
    )
