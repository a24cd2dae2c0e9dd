"""The founder's dashboard: how the shop sells, door by door, over a period she picks. Owner only."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from comptoir.analytics.selectors import business_figures

from .charts import revenue_chart, sell_through_chart, visitors_chart

PERIODS = [
    ("7", gettext_lazy("7 jours")),
    ("30", gettext_lazy("30 jours")),
    ("90", gettext_lazy("3 mois")),
    ("365", gettext_lazy("12 mois")),
]
LONGEST = 366 * 2


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("Du"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("Au"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("La fin de la période précède son début."))
            if (end - start).days > LONGEST:
                raise forms.ValidationError(_("Choisissez une période de deux ans au plus."))
        return data


def _period(request: HttpRequest) -> tuple[date, date, str, PeriodForm]:
    today = timezone.localdate()
    if "start" in request.GET or "end" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form.cleaned_data["start"], form.cleaned_data["end"], "custom", form
    else:
        form = PeriodForm(initial={"start": today - timedelta(days=29), "end": today})
    days = request.GET.get("period", "30")
    days = days if days in dict(PERIODS) else "30"
    return today - timedelta(days=int(days) - 1), today, days, form


@staff_member_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied  # revenue is the owner's: packing staff never see it
    start, end, chosen, form = _period(request)
    figures = business_figures(start=start, end=end)
    charts = {
        "revenue": revenue_chart(
            days=figures.days,
            series={
                _("Boutique"): figures.revenue_by_day["boutique"],
                _("Revendeurs"): figures.revenue_by_day["reseller"],
            },
        ),
        "visitors": visitors_chart(days=figures.days, label=_("Visiteurs"), counts=figures.visitors_by_day),
        "sell_through": sell_through_chart(
            sizes=[size.size for size in figures.sell_through],
            percents=[size.percent for size in figures.sell_through],
            label=_("Écoulement"),
        ),
    }
    return render(
        request,
        "backoffice/dashboard.html",
        {"figures": figures, "charts": charts, "periods": PERIODS, "chosen": chosen, "form": form},
    )
