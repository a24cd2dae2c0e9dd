"""The cockpit's stock: every size on one table, counted and corrected in place, with its history.

The owner's pages (prices and counts are hers); each change goes through ``adjust_stock``, which
locks the row and writes the movement with its reason and who made it.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from comptoir.fulfillment.labels import label_sheet_pdf
from comptoir.inventory.models import MovementReason, StockRecord
from comptoir.inventory.selectors import StockFilter, movements_of, stock_records
from comptoir.inventory.services.adjust_stock import StockAdjustRefused, adjust_stock

# What a person may give as the reason of a change made by hand (shipments and returns move by themselves).
MANUAL_REASONS = [
    (reason.value, reason.label)
    for reason in (
        MovementReason.RECEIVED,
        MovementReason.COUNT,
        MovementReason.DAMAGED,
        MovementReason.CORRECTION,
    )
]
FILTERS = [
    (StockFilter.ALL, gettext_lazy("Toutes les tailles")),
    (StockFilter.LOW, gettext_lazy("Stock bas")),
    (StockFilter.SOLD_OUT, gettext_lazy("Épuisées")),
]


class StockAdjustForm(forms.Form):
    on_hand = forms.IntegerField(label=gettext_lazy("En stock"), min_value=0, max_value=100_000)
    location = forms.CharField(label=gettext_lazy("Emplacement"), max_length=40, required=False)
    low_stock_threshold = forms.IntegerField(label=gettext_lazy("Seuil"), min_value=0, max_value=10_000)
    reason = forms.ChoiceField(label=gettext_lazy("Motif"), choices=MANUAL_REASONS)
    note = forms.CharField(label=gettext_lazy("Note"), max_length=200, required=False)


def _owner_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied  # counts and prices are the owner's; packing staff pack and ship


def _filters(request: HttpRequest) -> tuple[str, str]:
    state = request.GET.get("state", StockFilter.ALL)
    return request.GET.get("q", "")[:80], state if state in dict(FILTERS) else StockFilter.ALL


@staff_member_required
@require_GET
def stock(request: HttpRequest) -> HttpResponse:
    _owner_only(request)
    query, state = _filters(request)
    page = Paginator(stock_records(query=query, state=state), 60).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/stock.html",
        {"page": page, "query": query, "state": state, "filters": FILTERS, "reasons": MANUAL_REASONS},
    )


@staff_member_required
@require_http_methods(["GET", "POST"])
def stock_variant(request: HttpRequest, variant_id: int) -> HttpResponse:
    """A variant's count, shelf and threshold, changed with a reason; its history below."""
    _owner_only(request)
    record = get_object_or_404(
        StockRecord.objects.select_related("variant__product", "variant__size", "variant__colour"),
        variant_id=variant_id,
    )
    form = StockAdjustForm(
        request.POST or None,
        initial={
            "on_hand": record.on_hand,
            "location": record.location,
            "low_stock_threshold": record.low_stock_threshold,
            "reason": MovementReason.COUNT,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = adjust_stock(variant_id=variant_id, actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except StockAdjustRefused as refused:
            form.add_error("on_hand", str(refused))
        else:
            if request.htmx:  # type: ignore[attr-defined]
                record.saved = True  # type: ignore[attr-defined]
                return render(
                    request, "backoffice/stock_row.html", {"record": record, "reasons": MANUAL_REASONS}
                )
            messages.success(
                request,
                _("%(sku)s : %(count)d en stock.") % {"sku": record.variant.sku, "count": record.on_hand},
            )
            back = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)
            return redirect("backoffice:stock_variant", variant_id=variant_id)
    if request.method == "POST" and request.htmx:  # type: ignore[attr-defined]
        record.refresh_from_db()
        context = {"record": record, "reasons": MANUAL_REASONS, "errors": form.errors}
        return render(request, "backoffice/stock_row.html", context)
    return render(
        request,
        "backoffice/stock_variant.html",
        {"record": record, "form": form, "movements": movements_of(variant_id=variant_id)},
        status=422 if form.errors else 200,
    )


@staff_member_required
@require_GET
def stock_labels(request: HttpRequest) -> HttpResponse:
    """A sheet of EAN-13 labels for the variants shown: one each, or one per piece on the shelf."""
    _owner_only(request)
    query, state = _filters(request)
    per_piece = request.GET.get("copies") == "stock"
    records = list(stock_records(query=query, state=state)[:2000])
    labels = [(record.variant, record.on_hand if per_piece else 1) for record in records]
    response = HttpResponse(label_sheet_pdf(labels=labels), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="etiquettes.pdf"'
    return response
