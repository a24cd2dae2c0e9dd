"""The shop's automatic chores: each with its last run, its result and its next run (chores/)."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from comptoir.chores.selectors import chore_statuses


@staff_member_required
@require_GET
def chores(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied  # the owner's view of the shop's machinery
    now = timezone.now()
    rows = [
        {"status": status, "late": status.is_late(now=now), "failed": status.has_failed}
        for status in chore_statuses(now=now)
    ]
    return render(request, "backoffice/chores.html", {"rows": rows})
