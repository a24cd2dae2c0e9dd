from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from comptoir.core.uploads import validate_text_upload
from comptoir.resellers.models import ResellerApplication


class ApplicationForm(forms.ModelForm):
    """The shop's application; the model's validators check the SIREN/SIRET and the VAT number."""

    class Meta:
        model = ResellerApplication
        fields = (
            "shop_name",
            "legal_name",
            "company_number",
            "vat_number",
            "line1",
            "line2",
            "postcode",
            "city",
            "country",
            "website",
            "first_name",
            "last_name",
            "email",
            "phone",
            "expected_volume",
            "message",
        )
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "company_number": _(
                "Une entreprise française : 9 chiffres (SIREN) ou 14 (SIRET). Ailleurs : votre numéro "
                "d'immatriculation."
            ),
            "vat_number": _(
                "Avec le préfixe du pays, par exemple FR40303265045 ou CHE-116.281.710 MWST. Sans numéro "
                "de TVA valide, une entreprise de l'Union européenne paie la TVA française."
            ),
        }

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if str(cleaned.get("country") or "") == "FR" and not cleaned.get("company_number"):
            self.add_error("company_number", _("Une entreprise française indique son SIREN ou son SIRET."))
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de votre collègue"))


class NewAccountPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        min_length=8,
    )


class PlaceOrderForm(forms.Form):
    """The draft's « Commander » form: the buyer's own PO reference is required on every order."""

    purchase_order_reference = forms.CharField(
        label=_("Votre référence de commande"),
        max_length=64,
        help_text=_("Le numéro de votre bon de commande : il figure sur la facture et le bon de livraison."),
    )
    customer_note = forms.CharField(
        label=_("Note pour l'atelier (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    idempotency_key = forms.CharField(max_length=40, widget=forms.HiddenInput)


class QuickOrderForm(forms.Form):
    lines = forms.CharField(
        label=_("Lignes « référence quantité »"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 10, "spellcheck": "false", "placeholder": "OX-BLANC-M 6\n3700000000017 4"}
        ),
        help_text=_("Une ligne par article : la référence (SKU) ou le code EAN-13, puis la quantité."),
    )
    file = forms.FileField(
        label=_("Ou un fichier texte ou CSV"),
        required=False,
        validators=[validate_text_upload],  # too large, or not text (a PDF, a spreadsheet, a page)
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.csv,text/plain,text/csv"}),
    )


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de la clé"),
        max_length=80,
        help_text=_("Pour la reconnaître : « Site web », « Caisse », « Logiciel de gestion »…"),
    )
