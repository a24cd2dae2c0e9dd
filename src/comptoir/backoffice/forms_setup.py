"""The setup's forms, one per step: the shop's profile (comptoir.shop) and the seller's settings
(invoicing), each checked field by field by the model's own validators."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from comptoir.shop.models import ShopProfile
from comptoir.shop.profile import masked_secret

from .forms_invoicing import SellerSettingsForm

SELLER_IDENTITY_FIELDS = (
    "legal_name",
    "legal_form",
    "share_capital",
    "address",
    "siret",
    "rcs",
    "vat_number",
    "vat_on_debits",
)
SELLER_BANK_FIELDS = (
    "bank_holder",
    "iban",
    "bic",
    "default_payment_terms",
    "late_payment_rate",
    "invoice_footer",
)


def check_as_typed(form: forms.BaseForm, *names: str) -> None:
    """The field is checked by the server when she leaves it (htmx), its message shown in place."""
    for name in names:
        if name in form.fields:
            form.fields[name].widget.attrs.update(
                {
                    "hx-post": "",
                    "hx-trigger": "change",
                    "hx-include": "closest form",
                    "hx-vals": f'{{"_validate": "{name}"}}',
                    "hx-target": "closest .bo-field",
                    "hx-swap": "outerHTML",
                }
            )


class ProfileForm(forms.ModelForm):
    """A part of the profile; ``values()`` is what the step's service writes."""

    def values(self) -> dict[str, Any]:
        # A cleared image comes back as False: stored as no file.
        return {name: "" if value is False else value for name, value in self.cleaned_data.items()}


class BrandForm(ProfileForm):
    class Meta:
        model = ShopProfile
        fields = ("brand_name", "tagline", "logo", "favicon", "sender_name", "sender_email")
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
            "favicon": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
            "sender_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        check_as_typed(self, "sender_email")
        self.fields["brand_name"].required = True
        self.fields["sender_email"].required = True
        self.fields["sender_name"].help_text = _(
            "Ce que vos clientes lisent dans leur boîte : le nom de la marque, souvent."
        )
        self.fields["sender_email"].help_text = _(
            "Une adresse de votre domaine, que votre hébergeur d'e-mails autorise."
        )


class LegalPagesForm(ProfileForm):
    class Meta:
        model = ShopProfile
        fields = ("publication_director", "host_name", "host_address", "mediator", "competent_court")
        widgets = {
            "host_address": forms.Textarea(attrs={"rows": 2}),
            "mediator": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("publication_director", "host_name", "mediator"):
            self.fields[name].required = True


class SellerIdentityForm(SellerSettingsForm):
    class Meta(SellerSettingsForm.Meta):
        fields = SELLER_IDENTITY_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        check_as_typed(self, "siret", "vat_number")


class SellerBankForm(SellerSettingsForm):
    class Meta(SellerSettingsForm.Meta):
        fields = SELLER_BANK_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        check_as_typed(self, "iban", "bic")


class ShipperForm(ProfileForm):
    class Meta:
        model = ShopProfile
        fields = (
            "shipper_company",
            "shipper_line1",
            "shipper_line2",
            "shipper_postcode",
            "shipper_city",
            "shipper_country",
            "shipper_email",
            "shipper_phone",
            "packaging_grams",
        )
        widgets = {"shipper_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        check_as_typed(self, "shipper_email")
        for name in (
            "shipper_company",
            "shipper_line1",
            "shipper_postcode",
            "shipper_city",
            "shipper_country",
        ):
            self.fields[name].required = True
        self.fields["packaging_grams"].required = True
        self.fields["packaging_grams"].min_value = 0  # type: ignore[attr-defined]


class PaymentsForm(ProfileForm):
    """The secrets are never sent back to the page: a blank field keeps the stored one."""

    class Meta:
        model = ShopProfile
        fields = ("bank_transfer_enabled", "stripe_enabled", "stripe_secret_key", "stripe_webhook_secret")
        widgets = {
            "stripe_secret_key": forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
            "stripe_webhook_secret": forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance
        for name in ("stripe_secret_key", "stripe_webhook_secret"):
            field = self.fields[name]
            masked = masked_secret(getattr(stored, name) or "")
            field.widget.attrs["placeholder"] = masked or (
                "sk_live_…" if name == "stripe_secret_key" else "whsec_…"
            )
            field.help_text = (
                _("Enregistrée : %(masked)s. Laissez vide pour la garder.") % {"masked": masked}
                if masked
                else _("Dans votre tableau de bord Stripe, rubrique « Développeurs ».")
            )

    def clean(self) -> dict[str, Any]:
        # A secret left blank keeps the stored one: the row is checked as it will be saved.
        cleaned = super().clean() or {}
        for name in ("stripe_secret_key", "stripe_webhook_secret"):
            if not cleaned.get(name):
                cleaned[name] = getattr(self.instance, name)
        return cleaned


def _https_by_default(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """« www.ma-boutique.fr » typed without a scheme means https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PublicAddressForm(ProfileForm):
    class Meta:
        model = ShopProfile
        fields = ("public_url",)
        formfield_callback = _https_by_default
        widgets = {"public_url": forms.URLInput(attrs={"placeholder": "https://www.ma-boutique.fr"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["public_url"].required = True
        check_as_typed(self, "public_url")
