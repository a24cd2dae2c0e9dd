"""The reseller space: thin views that check access, call one service or selector, and render.

Every page that shows a price is behind ``buyer_required`` and asks the company's ``WholesalePolicy``
(``request.wholesale``); the boutique's retail policy is never used here.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from comptoir.catalog.models import Colour, Size, Variant
from comptoir.catalog.selectors import published_products
from comptoir.checkout.errors import CheckoutError
from comptoir.checkout.selectors import reseller_draft
from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.checkout.services.reorder import reorder
from comptoir.core.rate_limit import allow_each, client_keys
from comptoir.inventory.selectors import available_quantities
from comptoir.invoicing.selectors import parcels_of_order
from comptoir.merchandising.selectors import product_by_slug
from comptoir.orders.selectors import order_of_company, orders_of_company
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.selectors import online_payment_providers
from comptoir.payments.services.start_payment import start_payment
from comptoir.pricing.quotes import PriceQuote
from comptoir.resellers.errors import ResellerError
from comptoir.resellers.selectors import (
    active_buyer_for,
    company_buyers,
    company_invitations,
    draft_quantities,
    has_pending_application,
    product_prepacks,
)
from comptoir.resellers.services.draft_orders import GridRefused, set_grid_quantities
from comptoir.resellers.services.invitations import accept_invitation, invite_buyer, open_invitation
from comptoir.resellers.services.quick_order import (
    MAX_FILE_BYTES,
    QuickOrderRefused,
    add_quick_order_lines,
    decode_upload,
)
from comptoir.resellers.services.submit_application import ApplicationDetails, submit_application

from .access import buyer_required
from .forms import ApplicationForm, InvitationForm, NewAccountPasswordForm, PlaceOrderForm, QuickOrderForm

SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"
# A shop applies once; a script applies hundreds of times (per IP, per hour).
APPLICATIONS_PER_HOUR = 5


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    if active_buyer_for(user=request.user) is not None:
        return redirect("reseller_portal:home")
    if has_pending_application(user=request.user):
        return render(request, "reseller_portal/apply_pending.html")
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and not allow_each(
        action="reseller_application",
        keys=client_keys(request, email=request.POST.get("email", "")),
        limit=APPLICATIONS_PER_HOUR,
        window_seconds=3600,
    ):
        messages.error(request, _("Beaucoup de demandes en peu de temps : réessayez dans une heure."))
        return render(request, "reseller_portal/apply.html", {"form": form}, status=429)
    if request.method == "POST":
        if form.is_valid():
            submit_application(
                details=ApplicationDetails(**{key: str(value) for key, value in form.cleaned_data.items()}),
                language=get_language() or "fr",
            )
            return redirect("reseller_portal:apply_thanks")
        messages.error(request, _("Quelques champs sont à corriger : ils sont signalés ci-dessous."))
    return render(request, "reseller_portal/apply.html", {"form": form})


def apply_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reseller_portal/apply_thanks.html")


@require_http_methods(["GET", "POST"])
def set_password(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The approved buyer's first password, from the one-time link of the approval email."""
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()))
    except (ValueError, TypeError, OverflowError, user_model.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "reseller_portal/link_expired.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend=SESSION_BACKEND)
        messages.success(request, _("Votre mot de passe est enregistré. Bienvenue dans votre espace."))
        return redirect("reseller_portal:home")
    return render(request, "reseller_portal/set_password.html", {"form": form})


@require_http_methods(["GET", "POST"])
def accept_invitation_page(request: HttpRequest, token: str) -> HttpResponse:
    invitation = open_invitation(token=token)
    if invitation is None:
        return render(request, "reseller_portal/link_expired.html", status=400)
    form = NewAccountPasswordForm(request.POST or None)
    if request.method == "POST" and (request.user.is_authenticated or form.is_valid()):
        try:
            buyer = accept_invitation(
                token=token,
                user=request.user if request.user.is_authenticated else None,
                password=form.cleaned_data.get("password") if not request.user.is_authenticated else None,
            )
        except ResellerError as error:
            messages.error(request, error.messages[0])
        else:
            if not request.user.is_authenticated:
                login(request, buyer.user, backend=SESSION_BACKEND)
            return redirect("reseller_portal:home")
    return render(request, "reseller_portal/accept_invitation.html", {"invitation": invitation, "form": form})


@buyer_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "reseller_portal/home.html", {"buyer": request.buyer})  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class CatalogueCard:
    product: Any
    quote: PriceQuote


@buyer_required
def catalogue(request: HttpRequest) -> HttpResponse:
    policy = request.wholesale  # type: ignore[attr-defined]
    products = policy.annotate_listing_prices(published_products().order_by("position", "-id"))
    cards = [
        CatalogueCard(product=product, quote=policy.listing_quote(product=product)) for product in products
    ]
    return render(request, "reseller_portal/catalogue.html", {"cards": cards, "buyer": request.buyer})  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class GridCell:
    variant: Variant
    quote: PriceQuote
    available: int
    quantity: str  # what the grid shows in the cell: the draft's pieces, or what was just typed

    @property
    def field_name(self) -> str:
        return f"{GRID_FIELD_PREFIX}{self.variant.pk}"


GRID_FIELD_PREFIX = "qty-"
PACK_FIELD_PREFIX = "pack-"


@dataclass(frozen=True, slots=True)
class PackCell:
    prepack: Any
    colour_id: int | None
    quantity: str

    @property
    def field_name(self) -> str:
        return f"{PACK_FIELD_PREFIX}{self.prepack.pk}-{self.colour_id or 0}"


def _typed_packs(data: Any) -> tuple[dict[tuple[int, int | None], int], dict[str, str], bool]:
    """The grid's pack cells as (prepack id, colour id) → packs, what was typed, and whether all are whole."""
    packs: dict[tuple[int, int | None], int] = {}
    typed: dict[str, str] = {}
    is_valid = True
    for name, value in data.items():
        parts = name.removeprefix(PACK_FIELD_PREFIX).split("-") if name.startswith(PACK_FIELD_PREFIX) else []
        if len(parts) != 2 or not all(part.isdecimal() for part in parts):
            continue
        text = str(value).strip()
        typed[name] = text
        if text == "":
            continue
        if not text.isdecimal():
            is_valid = False
            continue
        packs[(int(parts[0]), int(parts[1]) or None)] = int(text)
    return packs, typed, is_valid


def _typed_quantities(data: Any) -> tuple[dict[int, int], bool]:
    """The grid's cells as variant id → pieces; ``False`` when a cell is not a whole number."""
    quantities: dict[int, int] = {}
    is_valid = True
    for name, value in data.items():
        if not name.startswith(GRID_FIELD_PREFIX):
            continue
        variant_id, text = name.removeprefix(GRID_FIELD_PREFIX), str(value).strip()
        if not variant_id.isdecimal():
            continue
        if text == "":
            quantities[int(variant_id)] = 0
        elif text.isdecimal():
            quantities[int(variant_id)] = int(text)
        else:
            is_valid = False
    return quantities, is_valid


@buyer_required
@require_http_methods(["GET", "POST"])
def product(request: HttpRequest, slug: str) -> HttpResponse:
    """One product as a size × colour grid: each cell its price HT, pieces available and a quantity."""
    found = product_by_slug(slug=slug)
    if found is None:
        raise Http404
    buyer = request.buyer  # type: ignore[attr-defined]
    typed: dict[int, str] = {}
    typed_packs: dict[str, str] = {}
    if request.method == "POST":
        quantities, is_valid = _typed_quantities(request.POST)
        packs, typed_packs, packs_valid = _typed_packs(request.POST)
        is_valid = is_valid and packs_valid
        typed = {
            int(name.removeprefix(GRID_FIELD_PREFIX)): str(value)
            for name, value in request.POST.items()
            if name.startswith(GRID_FIELD_PREFIX) and name.removeprefix(GRID_FIELD_PREFIX).isdecimal()
        }
        if not is_valid:
            messages.error(request, _("Saisissez des nombres entiers dans la grille."))
        else:
            try:
                set_grid_quantities(buyer=buyer, product=found, quantities=quantities, packs=packs)
            except GridRefused as refusal:
                for message in refusal.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Votre commande en préparation est à jour."))
                return redirect("reseller_portal:draft")
    policy = request.wholesale  # type: ignore[attr-defined]
    variants: list[Variant] = list(found.active_variants)  # type: ignore[attr-defined]
    available = available_quantities(variant_ids=[variant.pk for variant in variants])
    policy.load_prices(variant_ids=available.keys())
    in_draft = draft_quantities(buyer=buyer, product_id=found.pk)
    sizes = sorted({v.size for v in variants if v.size}, key=lambda size: (size.position, size.pk))
    colours = sorted(
        {v.colour for v in variants if v.colour}, key=lambda colour: (colour.position, colour.pk)
    )
    cells: dict[tuple[int | None, int | None], GridCell] = {}
    for variant in variants:
        variant.product = found
        cells[(variant.colour_id, variant.size_id)] = GridCell(
            variant=variant,
            quote=policy.quote(variant=variant),
            available=available.get(variant.pk, 0),
            quantity=typed.get(variant.pk, str(in_draft.get(variant.pk, ""))),
        )
    row_colours: list[Colour | None] = list(colours) or [None]
    columns: list[Size | None] = list(sizes) or [None]
    prepacks = product_prepacks(product_id=found.pk)
    rows = [
        (
            colour,
            [cells.get((colour.pk if colour else None, size.pk if size else None)) for size in columns],
            [
                PackCell(
                    prepack=prepack,
                    colour_id=colour.pk if colour else None,
                    quantity=typed_packs.get(
                        f"{PACK_FIELD_PREFIX}{prepack.pk}-{colour.pk if colour else 0}", ""
                    ),
                )
                for prepack in prepacks
            ],
        )
        for colour in row_colours
    ]
    return render(
        request,
        "reseller_portal/product.html",
        {
            "product": found,
            "sizes": columns,
            "rows": rows,
            "prepacks": prepacks,
            "buyer": buyer,
            "is_preorder": found.is_open_for_preorder(today=timezone.localdate()),
        },
        status=400 if request.method == "POST" else 200,
    )


def _render_draft(request: HttpRequest, *, form: PlaceOrderForm, status: int = 200) -> HttpResponse:
    buyer = request.buyer  # type: ignore[attr-defined]
    draft = reseller_draft(buyer=buyer, policy=request.wholesale)  # type: ignore[attr-defined]
    return render(
        request,
        "reseller_portal/draft.html",
        {"buyer": buyer, "summary": draft.summary, "problems": draft.problems, "form": form},
        status=status,
    )


@buyer_required
def draft(request: HttpRequest) -> HttpResponse:
    """The company's order in progress, priced HT by its policy (tiers count a product's whole run)."""
    form = PlaceOrderForm(initial={"idempotency_key": secrets.token_urlsafe(24)})
    return _render_draft(request, form=form)


@buyer_required
@require_http_methods(["POST"])
def place_order(request: HttpRequest) -> HttpResponse:
    """« Commander »: the draft becomes an order on the company's terms, or is shown again with why."""
    form = PlaceOrderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Quelques champs sont à corriger : ils sont signalés ci-dessous."))
        return _render_draft(request, form=form, status=400)
    try:
        orders = place_reseller_order(
            buyer=request.buyer,  # type: ignore[attr-defined]
            purchase_order_reference=form.cleaned_data["purchase_order_reference"],
            idempotency_key=form.cleaned_data["idempotency_key"],
            customer_note=form.cleaned_data["customer_note"],
            language=get_language() or "fr",
        )
    except CheckoutError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return _render_draft(request, form=form, status=400)
    if len(orders) == 1:
        messages.success(
            request, _("Commande %(number)s enregistrée. Merci !") % {"number": orders[0].number}
        )
        return redirect("reseller_portal:order", number=orders[0].number)
    messages.success(
        request,
        _("Merci ! Une commande par livraison : %(numbers)s.")
        % {"numbers": ", ".join(order.number for order in orders)},
    )
    return redirect("reseller_portal:orders")


@buyer_required
def order_list(request: HttpRequest) -> HttpResponse:
    buyer = request.buyer  # type: ignore[attr-defined]
    orders = orders_of_company(company_id=buyer.company_id)
    return render(request, "reseller_portal/orders.html", {"buyer": buyer, "orders": orders})


@buyer_required
def order_detail(request: HttpRequest, number: str) -> HttpResponse:
    """One of the company's orders; another company's number is a 404, never a 403 that confirms it."""
    buyer = request.buyer  # type: ignore[attr-defined]
    found = order_of_company(company_id=buyer.company_id, number=number)
    if found is None:
        raise Http404
    if "paiement" in request.GET and found.awaits_prepayment:
        # Back from the card page before the provider's confirmation: it comes in a moment.
        messages.info(request, _("Merci : votre paiement est en cours de confirmation."))
    return render(
        request,
        "reseller_portal/order.html",
        {
            "buyer": buyer,
            "order": found,
            "parcels": parcels_of_order(order_id=found.pk),
            "card_providers": online_payment_providers() if found.awaits_prepayment else [],
        },
    )


@buyer_required
@require_http_methods(["POST"])
def pay_order(request: HttpRequest, number: str) -> HttpResponse:
    """« Payer par carte »: an order paid in advance, on the provider's page (the boutique's path)."""
    buyer = request.buyer  # type: ignore[attr-defined]
    found = order_of_company(company_id=buyer.company_id, number=number)
    if found is None:
        raise Http404
    order_url = request.build_absolute_uri(reverse("reseller_portal:order", kwargs={"number": found.number}))
    codes = {provider.code for provider in online_payment_providers()}
    provider_code = request.POST.get("provider", "")
    if not found.awaits_prepayment or provider_code not in codes:
        messages.error(request, _("Cette commande n'attend pas de paiement par carte."))
        return redirect(order_url)
    try:
        started = start_payment(
            order=found, provider_code=provider_code, return_url=f"{order_url}?paiement", cancel_url=order_url
        )
    except PaymentError:
        messages.error(
            request,
            _("Le paiement n'a pas pu commencer. Réessayez dans un instant, ou réglez par virement."),
        )
        return redirect(order_url)
    return redirect(started.redirect_url)


@buyer_required
@require_http_methods(["POST"])
def reorder_order(request: HttpRequest, number: str) -> HttpResponse:
    """« Commander à nouveau »: the order's lines back into the draft, what cannot be had listed."""
    buyer = request.buyer  # type: ignore[attr-defined]
    found = order_of_company(company_id=buyer.company_id, number=number)
    if found is None:
        raise Http404
    result = reorder(buyer=buyer, order=found)
    if result.pieces:
        messages.success(
            request,
            ngettext(
                "%(pieces)d pièce ajoutée à votre commande en préparation.",
                "%(pieces)d pièces ajoutées à votre commande en préparation.",
                result.pieces,
            )
            % {"pieces": result.pieces},
        )
    for message in result.unavailable:
        messages.warning(request, message)
    return redirect("reseller_portal:draft")


@buyer_required
@require_http_methods(["GET", "POST"])
def quick_order(request: HttpRequest) -> HttpResponse:
    """Paste or upload « SKU quantité » lines; all valid go into the draft, else each bad one is named."""
    buyer = request.buyer  # type: ignore[attr-defined]
    form = QuickOrderForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            text = form.cleaned_data["lines"]
            if upload is not None:
                text = "\n".join([text, decode_upload(content=upload.read(MAX_FILE_BYTES + 1))])
            added = add_quick_order_lines(buyer=buyer, text=text)
        except QuickOrderRefused as refusal:
            for message in refusal.messages:
                messages.error(request, message)
            status = 400
        else:
            messages.success(
                request,
                ngettext(
                    "%(lines)d ligne ajoutée (%(pieces)d pièces).",
                    "%(lines)d lignes ajoutées (%(pieces)d pièces).",
                    added.lines,
                )
                % {"lines": added.lines, "pieces": added.pieces},
            )
            return redirect("reseller_portal:draft")
    return render(request, "reseller_portal/quick_order.html", {"buyer": buyer, "form": form}, status=status)


@buyer_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest) -> HttpResponse:
    """The company's buyers and invitations; an admin buyer invites a colleague here."""
    buyer = request.buyer  # type: ignore[attr-defined]
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invite_buyer(
                company=buyer.company,
                invited_by=request.user,
                email=form.cleaned_data["email"],
                language=get_language() or "fr",
            )
        except ResellerError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Invitation envoyée."))
            return redirect("reseller_portal:team")
    return render(
        request,
        "reseller_portal/team.html",
        {
            "buyer": buyer,
            "buyers": company_buyers(buyer=buyer),
            "invitations": company_invitations(buyer=buyer),
            "form": form,
        },
    )
