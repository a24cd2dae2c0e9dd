"""The seller's settings form: numbers typed with spaces are compacted, then the model's validators
(SIRET, VAT number, IBAN, BIC checksums; the late-payment floor) decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from comptoir.invoicing.models import SellerSettings
from comptoir.invoicing.services.update_seller_settings import NORMALISE


class SellerSettingsForm(forms.ModelForm):
    class Meta:
        model = SellerSettings
        fields: tuple[str, ...] = (
            "legal_name",
            "legal_form",
            "share_capital",
            "address",
            "siret",
            "rcs",
            "vat_number",
            "vat_on_debits",
            "late_payment_rate",
            "default_payment_terms",
            "bank_holder",
            "iban",
            "bic",
            "invoice_footer",
        )
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "invoice_footer": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name in NORMALISE.keys() & self.fields.keys():  # a setup step shows some of them
            # Typed the way it is printed ("FR76 3000 …"): the length is checked once compacted.
            field = self.fields[name]
            field.max_length = None  # type: ignore[attr-defined]
            field.validators = []
            field.widget.attrs.pop("maxlength", None)

    def _compact(self, name: str) -> str:
        return NORMALISE[name](self.cleaned_data.get(name, ""))

    def clean_siret(self) -> str:
        return self._compact("siret")

    def clean_vat_number(self) -> str:
        return self._compact("vat_number")

    def clean_iban(self) -> str:
        return self._compact("iban")

    def clean_bic(self) -> str:
        return self._compact("bic")


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("Au"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("La période doit commencer avant de finir."))
        return cleaned


class FiscalYearForm(forms.Form):
    year = forms.IntegerField(label=_("Exercice"), min_value=2000, max_value=2100)
