"""Links between languages: the same page in French and in English (slugs are translated too)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


def alternate_urls(request: HttpRequest, obj: Model | None = None) -> dict[str, str]:
    urls: dict[str, str] = {}
    for language_code, _name in settings.LANGUAGES:
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(language_code):
                url = obj.get_absolute_url()
        else:
            url = translate_url(request.path, language_code)
        query = request.GET.urlencode()
        urls[language_code] = f"{url}?{query}" if query else url
    return urls
