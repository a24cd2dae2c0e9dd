"""The comment form: what is required says so, and two hidden fields only a robot fills or rushes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Nom"), max_length=80, error_messages={"required": _("Indiquez votre nom.")}
    )
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Jamais publiée."),
        error_messages={"required": _("Indiquez votre adresse e-mail : elle ne sera jamais publiée.")},
    )
    website = forms.URLField(
        label=_("Site web (facultatif)"), max_length=200, required=False, assume_scheme="https"
    )
    body = forms.CharField(
        label=_("Commentaire"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Écrivez votre commentaire.")},
    )
    notify_replies = forms.BooleanField(label=_("Me prévenir par e-mail des réponses"), required=False)
    parent = forms.CharField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS and aria-hidden), filled by robots.
    nickname = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        label=_("Ne remplissez pas ce champ"),
    )
