"""A private file sent to the person who asked for it: downloaded, never kept by a shared cache."""

from __future__ import annotations

from django.http import HttpResponse


def private_download(content: bytes, *, filename: str, content_type: str = "application/pdf") -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
