from __future__ import annotations

from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from comptoir.merchandising.selectors import Facets, ProductFilters, Sort

SORT_CHOICES = [
    (Sort.FEATURED.value, _("Sélection")),
    (Sort.NEWEST.value, _("Nouveautés")),
    (Sort.PRICE_ASC.value, _("Prix croissant")),
    (Sort.PRICE_DESC.value, _("Prix décroissant")),
]


class PriceRangeForm(forms.Form):
    min = forms.DecimalField(
        required=False, min_value=Decimal(0), max_value=Decimal(100_000), decimal_places=2
    )
    max = forms.DecimalField(
        required=False, min_value=Decimal(0), max_value=Decimal(100_000), decimal_places=2
    )
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)


def filters_from_query(query: QueryDict, *, facets: Facets) -> ProductFilters:
    """Reads the filters from the address; unknown or malformed values are ignored, never an error."""
    known_sizes = {size.slug for size in facets.sizes}
    known_colours = {colour.slug for colour in facets.colours}
    known_fits = {fit.slug for fit in facets.fits}
    form = PriceRangeForm(query)
    form.is_valid()
    cleaned = form.cleaned_data  # only the fields that validated
    return ProductFilters(
        sizes=[slug for slug in query.getlist("size") if slug in known_sizes],
        colours=[slug for slug in query.getlist("colour") if slug in known_colours],
        fits=[slug for slug in query.getlist("fit") if slug in known_fits],
        price_min=cleaned.get("min"),
        price_max=cleaned.get("max"),
        sort=Sort(cleaned.get("sort") or Sort.FEATURED),
    )
