"""The founder's guided setup (« Réglages »): seven steps, each saved on its own, all reachable later.

brand → legal identity → bank → shipper → delivery → payments → public address. ``/atelier/installation/``
opens the first step not done yet. Each step writes through one service in one transaction: a bad
value re-shows the form with what was typed and the fields named, and nothing is saved. Owner only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm, BoundField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from comptoir.invoicing.legal import late_payment_floor
from comptoir.invoicing.seller import current_seller
from comptoir.invoicing.services.update_legal_identity import update_legal_identity
from comptoir.invoicing.services.update_seller_settings import update_seller_settings
from comptoir.shipping.selectors import delivery_grid, has_delivery_rate
from comptoir.shop.profile import current_profile, editable_profile, masked_secret, saved_profile
from comptoir.shop.services.update_shop_profile import update_shop_profile

from .forms_setup import (
    BrandForm,
    LegalPagesForm,
    PaymentsForm,
    PublicAddressForm,
    SellerBankForm,
    SellerIdentityForm,
    ShipperForm,
)


@dataclass(frozen=True)
class Step:
    code: str
    title: str | Promise
    intro: str | Promise
    env: tuple[str, ...] = ()  # the operator's variables that win over this step's fields


STEPS = (
    Step(
        "brand",
        gettext_lazy("La marque"),
        gettext_lazy("Le nom que vos clientes voient partout, et qui signe vos e-mails."),
        ("SHOP_NAME", "DEFAULT_FROM_EMAIL"),
    ),
    Step(
        "identity",
        gettext_lazy("L'identité légale"),
        gettext_lazy("Ce que la loi demande d'écrire sur chaque facture et dans les mentions légales."),
    ),
    Step(
        "bank",
        gettext_lazy("La banque et les factures"),
        gettext_lazy("Le compte où vos clientes paient par virement, et vos conditions de paiement."),
    ),
    Step(
        "shipper",
        gettext_lazy("L'expéditeur des colis"),
        gettext_lazy(
            "L'adresse de retour des bons de livraison et l'expéditeur des fichiers du transporteur."
        ),
        (
            *(f"COMPTOIR_SHIPPER_{name}" for name in ("COMPANY", "LINE1", "LINE2", "POSTCODE", "CITY")),
            *(f"COMPTOIR_SHIPPER_{name}" for name in ("COUNTRY", "EMAIL", "PHONE")),
            "COMPTOIR_PACKAGING_GRAMS",
        ),
    ),
    Step(
        "delivery",
        gettext_lazy("La livraison"),
        gettext_lazy("Où vous livrez, par quel transporteur, et à quel prix selon le poids du colis."),
    ),
    Step(
        "payments",
        gettext_lazy("Les paiements"),
        gettext_lazy("Comment vos clientes paient : par virement, et par carte avec Stripe."),
        ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "COMPTOIR_PAYMENT_PROVIDERS"),
    ),
    Step(
        "address",
        gettext_lazy("L'adresse de la boutique"),
        gettext_lazy("L'adresse où l'on vous trouve : chaque lien de vos e-mails et de vos flux y mène."),
        ("COMPTOIR_PUBLIC_URL",),
    ),
)
BY_CODE = {step.code: step for step in STEPS}


def steps_done() -> dict[str, bool]:
    """Which steps hold what a lawful, working shop needs (the stepper's ticks)."""
    profile, row, seller = current_profile(), saved_profile(), current_seller()
    has_row = row is not None
    return {
        "brand": bool(profile.shop_name) and has_row and bool(row.sender_email if row else ""),
        "identity": bool(
            seller.pk
            and seller.legal_name
            and seller.legal_form
            and seller.address
            and seller.siret
            and seller.vat_number
            and profile.publication_director
            and profile.host_name
            and profile.mediator
        ),
        "bank": bool(seller.iban and seller.bic and seller.bank_holder),
        "shipper": bool(profile.shipper.line1 and profile.shipper.postcode and profile.shipper.city),
        "delivery": has_delivery_rate(),
        # Transfer needs an account to pay into; the demo provider takes no money.
        "payments": "stripe" in profile.payment_providers
        or ("bank_transfer" in profile.payment_providers and bool(seller.iban)),
        "address": bool(row and row.public_url) or "COMPTOIR_PUBLIC_URL" in settings.COMPTOIR_FROM_ENV,
    }


def _owner_only(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


@staff_member_required
@require_GET
def setup(request: HttpRequest) -> HttpResponse:
    """The first step not done yet; once all are, the summary of every step."""
    _owner_only(request)
    done = steps_done()
    first_to_do = next((step for step in STEPS if not done[step.code]), None)
    if first_to_do is not None and "apercu" not in request.GET:
        return redirect(f"backoffice:setup_{first_to_do.code}")
    return render(request, "backoffice/setup/overview.html", {"steps": _stepper(done, current=None)})


def _stepper(done: dict[str, bool], *, current: str | None) -> list[dict[str, Any]]:
    return [
        {"step": step, "number": number, "done": done[step.code], "current": step.code == current}
        for number, step in enumerate(STEPS, start=1)
    ]


def _forms(code: str, request: HttpRequest) -> list[BaseForm]:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    if code == "brand":
        return [BrandForm(data, files, instance=editable_profile())]
    if code == "identity":
        return [
            SellerIdentityForm(data, instance=current_seller()),
            LegalPagesForm(data, instance=editable_profile()),
        ]
    if code == "bank":
        return [SellerBankForm(data, instance=current_seller())]
    if code == "shipper":
        return [ShipperForm(data, instance=editable_profile())]
    if code == "payments":
        return [PaymentsForm(data, instance=editable_profile())]
    if code == "address":
        return [PublicAddressForm(data, instance=editable_profile())]
    return []


def _save(code: str, forms: list[BaseForm]) -> None:
    if code == "identity":
        seller_form, pages_form = forms
        update_legal_identity(seller_values=seller_form.cleaned_data, profile_values=pages_form.values())  # type: ignore[attr-defined]
    elif code == "bank":
        update_seller_settings(values=forms[0].cleaned_data)
    else:
        update_shop_profile(values=forms[0].values())  # type: ignore[attr-defined]


@staff_member_required
@require_http_methods(["GET", "POST"])
def setup_step(request: HttpRequest, *, step: str) -> HttpResponse:
    _owner_only(request)
    current = BY_CODE[step]
    forms = _forms(step, request)
    if request.method == "POST" and (checked := _checked_field(forms, request.POST.get("_validate", ""))):
        return render(request, "backoffice/_field.html", {"field": checked})
    # Every form is checked (a list, not a short-circuit), so every error is shown at once.
    if request.method == "POST" and forms and all([form.is_valid() for form in forms]):
        try:
            _save(step, forms)
        except ValidationError as error:
            forms[0].add_error(None, error)
        else:
            messages.success(request, _("« %(step)s » est enregistré.") % {"step": current.title})
            return redirect(_next_url(step))
    errors = [
        (form[name].label if name in form.fields else "", message)
        for form in forms
        for name, messages_ in form.errors.items()
        for message in messages_
    ]
    return render(
        request,
        f"backoffice/setup/{step}.html",
        {
            "current": current,
            "steps": _stepper(steps_done(), current=step),
            "forms": forms,
            "form": forms[0] if forms else None,
            "errors": errors,
            "next_url": _next_url(step),
            "env_overrides": [name for name in current.env if name in settings.COMPTOIR_FROM_ENV],
            **_extra_context(step, forms),
        },
        status=422 if errors else 200,
    )


# Checked as she types (htmx posts the form with « _validate »): numbers with a checksum and addresses.
CHECKED_AS_TYPED = {"siret", "vat_number", "iban", "bic", "sender_email", "shipper_email", "public_url"}


def _checked_field(forms: list[BaseForm], name: str) -> BoundField | None:
    """The field ``name`` after checking the form as typed, nothing saved; None if not checked so."""
    if name not in CHECKED_AS_TYPED:
        return None
    form = next((form for form in forms if name in form.fields), None)
    if form is None:
        return None
    form.is_valid()
    return form[name]


def _next_url(code: str) -> str:
    position = [step.code for step in STEPS].index(code)
    if position + 1 < len(STEPS):
        return reverse(f"backoffice:setup_{STEPS[position + 1].code}")
    return reverse("backoffice:setup") + "?apercu"


def _extra_context(code: str, forms: list[BaseForm]) -> dict[str, Any]:
    if code == "bank":
        return {"floor": late_payment_floor()}
    if code == "delivery":
        return {"zones": delivery_grid(), "has_rate": has_delivery_rate()}
    if code == "payments":
        profile, row = current_profile(), saved_profile()
        return {
            "stripe_key_masked": masked_secret(profile.stripe_secret_key),
            "stripe_webhook_masked": masked_secret(profile.stripe_webhook_secret),
            "stripe_stored": bool(row and row.stripe_secret_key),
            "webhook_path": "/stripe/webhook/",
        }
    if code == "address":
        return {"public_url": current_profile().public_url}
    return {}
