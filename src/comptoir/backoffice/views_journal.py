"""The owner's journal of changes: who changed what, when, each field before and after (core/audit.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from comptoir.core.audit import audited_types, describe, journal_actors, journal_entries

PER_PAGE = 50


class JournalFilters(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False)
    person = forms.ChoiceField(label=_("Personne"), required=False)
    start = forms.DateField(label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    object = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Tous")), *audited_types()]  # type: ignore[attr-defined]
        people = [(str(person.pk), person.get_full_name() or person.email) for person in journal_actors()]
        self.fields["person"].choices = [("", _("Tout le monde")), *people]  # type: ignore[attr-defined]


@staff_member_required
@require_GET
def journal(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied  # the owner's record of everyone's changes, including prices
    filters = JournalFilters(request.GET)
    values = filters.cleaned_data if filters.is_valid() else {}
    entries = journal_entries(
        model_label=values.get("type") or "",
        object_pk=values.get("object") or "",
        actor_id=int(values["person"]) if values.get("person") else None,
        since=values.get("start"),
        until=values.get("end"),
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/journal.html",
        {
            "filters": filters,
            "page": page,
            "rows": [describe(entry) for entry in page.object_list],
            "query": query.urlencode(),
        },
    )
