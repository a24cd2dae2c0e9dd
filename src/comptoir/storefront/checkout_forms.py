"""The checkout's forms: what the customer types, checked before anything is reserved.

Prices, totals and discounts are never fields here: the server computes them (checkout services).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from comptoir.checkout.addresses import clean_phone, clean_postcode
from comptoir.core.addresses import PostalAddress

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class AddressForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=80)
    last_name = forms.CharField(label=_("Nom"), max_length=80)
    company = forms.CharField(label=_("Société (facultatif)"), max_length=120, required=False)
    line1 = forms.CharField(label=_("Adresse"), max_length=200)
    line2 = forms.CharField(label=_("Complément d'adresse (facultatif)"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Code postal"), max_length=12)
    city = forms.CharField(label=_("Ville"), max_length=100)
    country = forms.ChoiceField(label=_("Pays"))
    phone = forms.CharField(
        label=_("Téléphone"),
        max_length=30,
        help_text=_("Pour le transporteur, en cas de besoin."),
    )

    def __init__(
        self, *args: Any, countries: Sequence[tuple[str, str]], phone_required: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["country"]).choices = list(countries)
        self.fields["phone"].required = phone_required
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "company": "organization",
            "line1": "address-line1",
            "line2": "address-line2",
            "postcode": "postal-code",
            "city": "address-level2",
            "country": "country",
            "phone": "tel",
        }
        section = "shipping" if self.prefix == "shipping" else "billing"
        for name, token in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = f"{section} {token}"
        self.fields["phone"].widget.input_type = "tel"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = cleaned.get("country")
        if country and cleaned.get("postcode"):
            try:
                cleaned["postcode"] = clean_postcode(country=country, postcode=cleaned["postcode"])
            except ValidationError as error:
                self.add_error("postcode", error)
        if country and cleaned.get("phone"):
            try:
                cleaned["phone"] = clean_phone(country=country, phone=cleaned["phone"])
            except ValidationError as error:
                self.add_error("phone", error)
        return cleaned

    def to_address(self) -> PostalAddress:
        data = self.cleaned_data
        return PostalAddress(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            company=data.get("company", "").strip(),
            line1=data["line1"].strip(),
            line2=data.get("line2", "").strip(),
            postcode=data["postcode"],
            city=data["city"].strip(),
            country=data["country"],
            phone=data.get("phone", ""),
        )


class CheckoutForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Pour la confirmation et le suivi de votre commande."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    billing_same_as_shipping = forms.BooleanField(
        label=_("Facturer à l'adresse de livraison"), required=False, initial=True
    )
    shipping_method = forms.ChoiceField(label=_("Livraison"), widget=forms.RadioSelect)
    pickup_point_id = forms.CharField(label=_("Identifiant du point relais"), max_length=20, required=False)
    pickup_point_name = forms.CharField(label=_("Nom du point relais"), max_length=120, required=False)
    pickup_point_address = forms.CharField(label=_("Adresse du point relais"), max_length=250, required=False)
    payment_method = forms.ChoiceField(label=_("Paiement"), widget=forms.RadioSelect)
    discount_code = forms.CharField(label=_("Code de réduction"), max_length=40, required=False)
    gift_card_code = forms.CharField(label=_("Carte cadeau"), max_length=40, required=False)
    customer_note = forms.CharField(
        label=_("Une précision pour la livraison ? (facultatif)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accept_terms = forms.BooleanField(
        label=_("J'ai lu et j'accepte les conditions générales de vente."),
        error_messages={"required": _("Acceptez les conditions générales de vente pour commander.")},
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self,
        *args: Any,
        shipping_choices: Sequence[tuple[str, str]],
        pickup_method_ids: set[str],
        payment_choices: Sequence[tuple[str, str]],
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["shipping_method"]).choices = list(shipping_choices)
        cast(forms.ChoiceField, self.fields["payment_method"]).choices = list(payment_choices)
        self.pickup_method_ids = pickup_method_ids
        if len(shipping_choices) == 1:
            self.fields["shipping_method"].initial = shipping_choices[0][0]
        if len(payment_choices) >= 1:
            self.fields["payment_method"].initial = payment_choices[0][0]

    def clean_idempotency_key(self) -> str:
        key = self.cleaned_data["idempotency_key"]
        if not IDEMPOTENCY_KEY.match(key):
            raise ValidationError(_("Le formulaire a expiré : rechargez la page."))
        return key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("shipping_method") in self.pickup_method_ids:
            for name in ("pickup_point_id", "pickup_point_name", "pickup_point_address"):
                if not cleaned.get(name, "").strip():
                    self.add_error(name, _("Indiquez le point relais choisi."))
        return cleaned

    def pickup_point(self) -> dict[str, str] | None:
        if self.cleaned_data.get("shipping_method") not in self.pickup_method_ids:
            return None
        return {
            "id": self.cleaned_data["pickup_point_id"].strip(),
            "name": self.cleaned_data["pickup_point_name"].strip(),
            "address": self.cleaned_data["pickup_point_address"].strip(),
        }
