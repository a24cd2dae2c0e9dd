"""The part-shipment form of a reseller order: per line, how many pieces go in this parcel."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from comptoir.fulfillment.selectors import LineToShip


def field_name(line_id: int) -> str:
    return f"ship-{line_id}"


class PartShipmentForm(forms.Form):
    tracking = forms.CharField(label=_("Numéro de suivi du colis"), max_length=64)

    def __init__(self, *args: Any, lines: list[LineToShip], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = lines
        for row in lines:
            if row.waiting:
                self.fields[field_name(row.line.pk)] = forms.IntegerField(
                    label=row.line.sku, min_value=0, max_value=row.waiting, initial=row.suggested
                )

    def rows(self) -> list[tuple[LineToShip, forms.BoundField | None]]:
        return [
            (row, self[field_name(row.line.pk)] if field_name(row.line.pk) in self.fields else None)
            for row in self.lines
        ]

    def quantities(self) -> dict[int, int]:
        return {
            row.line.pk: self.cleaned_data.get(field_name(row.line.pk)) or 0
            for row in self.lines
            if field_name(row.line.pk) in self.fields
        }
