"""The customer's account: order history, address book, profile. Sign-in pages are allauth's.

Every view is behind ``login_required`` and reads through selectors scoped to ``request.user``:
another customer's order or address is a 404, never a 403 that would confirm it exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from comptoir.accounts import selectors as account_selectors
from comptoir.accounts.models import Address, User
from comptoir.accounts.services.addresses import (
    add_address,
    delete_address,
    set_default_address,
    update_address,
)
from comptoir.accounts.services.profile import update_profile
from comptoir.orders import selectors as order_selectors
from comptoir.privacy.selectors import personal_data
from comptoir.privacy.services.delete_account import AccountDeletionRefused, delete_account

from .account_forms import AddressBookForm, ProfileForm

ORDERS_PER_PAGE = 20


class AuthenticatedRequest(HttpRequest):
    user: User


@login_required
def account_home(request: AuthenticatedRequest) -> HttpResponse:
    return redirect("storefront:account_orders")


@login_required
def order_list(request: AuthenticatedRequest) -> HttpResponse:
    paginator = Paginator(order_selectors.orders_of(customer=request.user), ORDERS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", "1"))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(_("Cette page n'existe pas.")) from error
    return render(request, "storefront/account/orders.html", {"page": page, "orders": page.object_list})


def _address_or_404(request: AuthenticatedRequest, address_id: int) -> Address:
    address = account_selectors.address_of(customer=request.user, address_id=address_id)
    if address is None:
        raise Http404(_("Cette adresse n'existe pas."))
    return address


@login_required
def address_list(request: AuthenticatedRequest) -> HttpResponse:
    addresses = account_selectors.addresses_of(customer=request.user)
    return render(request, "storefront/account/addresses.html", {"addresses": addresses})


@login_required
@require_http_methods(["GET", "POST"])
def address_add(request: AuthenticatedRequest) -> HttpResponse:
    form = AddressBookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_address(
            customer=request.user,
            postal_address=form.to_address(),
            make_default=form.cleaned_data["make_default"],
        )
        messages.success(request, _("Adresse enregistrée."))
        return redirect("storefront:account_addresses")
    return render(request, "storefront/account/address_form.html", {"form": form, "address": None})


@login_required
@require_http_methods(["GET", "POST"])
def address_edit(request: AuthenticatedRequest, address_id: int) -> HttpResponse:
    address = _address_or_404(request, address_id)
    if request.method == "POST":
        form = AddressBookForm(request.POST)
        if form.is_valid():
            update_address(
                address=address,
                postal_address=form.to_address(),
                make_default=form.cleaned_data["make_default"],
            )
            messages.success(request, _("Adresse modifiée."))
            return redirect("storefront:account_addresses")
    else:
        form = AddressBookForm(initial=AddressBookForm.initial_for(address))
    return render(request, "storefront/account/address_form.html", {"form": form, "address": address})


@login_required
@require_http_methods(["GET", "POST"])
def address_delete(request: AuthenticatedRequest, address_id: int) -> HttpResponse:
    address = _address_or_404(request, address_id)
    if request.method == "POST":
        delete_address(address=address)
        messages.success(request, _("Adresse supprimée."))
        return redirect("storefront:account_addresses")
    return render(request, "storefront/account/address_delete.html", {"address": address})


@login_required
@require_POST
def address_make_default(request: AuthenticatedRequest, address_id: int) -> HttpResponse:
    set_default_address(address=_address_or_404(request, address_id))
    messages.success(request, _("Adresse par défaut modifiée."))
    return redirect("storefront:account_addresses")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("preferred_language", error)
        else:
            messages.success(request, _("Profil enregistré."))
            return redirect("storefront:account_profile")
    return render(request, "storefront/account/profile.html", {"form": form})


@login_required
@require_http_methods(["GET"])
def personal_data_page(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "storefront/account/data.html", {"error": ""})


@login_required
@require_http_methods(["GET"])
def personal_data_export(request: AuthenticatedRequest) -> HttpResponse:
    response = JsonResponse(
        personal_data(customer=request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def account_delete(request: AuthenticatedRequest) -> HttpResponse:
    # The password again: a session left open on a shared computer cannot close the account.
    if not request.user.check_password(request.POST.get("password", "")):
        error = _("Ce mot de passe ne correspond pas à votre compte.")
        return render(request, "storefront/account/data.html", {"error": error}, status=400)
    try:
        delete_account(customer=request.user)
    except AccountDeletionRefused as refused:
        return render(request, "storefront/account/data.html", {"error": refused.message}, status=409)
    logout(request)
    messages.success(request, _("Votre compte est supprimé. Merci d'avoir été des nôtres."))
    return redirect("storefront:home")
