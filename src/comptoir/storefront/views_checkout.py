"""Checkout pages: the one-page checkout and the terms of sale it links to."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def terms_of_sale(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/legal/terms.html")
