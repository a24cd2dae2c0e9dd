"""The owner's invoicing pages: the sales journal and the FEC (the seller's settings are setup steps).

Owner only: the « Préparation des colis » group packs and ships and never sees money or identity.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from comptoir.accounting.exports import fec_file, fec_filename, sales_journal_csv
from comptoir.invoicing.seller import current_seller

from .forms_invoicing import FiscalYearForm, PeriodForm


def _owner_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


@staff_member_required
@require_GET
def seller_settings(request: HttpRequest) -> HttpResponse:
    """The former « Facturation » page, now the setup's identity and bank steps: old links land there."""
    _owner_only(request)
    return redirect("backoffice:setup_identity", permanent=True)


@staff_member_required
@require_GET
def accounting(request: HttpRequest) -> HttpResponse:
    """The accountant's files: the sales journal of any period, the FEC of a fiscal year."""
    _owner_only(request)
    today = timezone.localdate()
    period = PeriodForm(request.GET if "start" in request.GET else None)
    year = FiscalYearForm(request.GET if "year" in request.GET else None)
    if period.is_bound and period.is_valid():
        start, end = period.cleaned_data["start"], period.cleaned_data["end"]
        response = HttpResponse(sales_journal_csv(start=start, end=end), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="journal-des-ventes-{start}-{end}.csv"'
        return response
    if year.is_bound and year.is_valid():
        start, end = dt.date(year.cleaned_data["year"], 1, 1), dt.date(year.cleaned_data["year"], 12, 31)
        filename = fec_filename(siren=current_seller().siret[:9], end=end)
        response = HttpResponse(
            fec_file(start=start, end=end), content_type="text/plain; charset=iso-8859-15"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    if not period.is_bound:
        period = PeriodForm(initial={"start": today.replace(day=1), "end": today})
    if not year.is_bound:
        year = FiscalYearForm(initial={"year": today.year - 1 if today.month < 6 else today.year})
    return render(
        request,
        "backoffice/accounting.html",
        {"period": period, "year": year},
        status=422 if period.errors or year.errors else 200,
    )
