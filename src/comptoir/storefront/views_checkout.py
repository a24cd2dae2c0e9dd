"""Checkout pages: the one-page checkout and the terms of sale it links to.

The page reads the cart, offers the shipping methods of the address's country, and on "Commander avec
obligation de paiement" asks ``place_order`` (which prices everything again on the server), then the
payment provider, after the order's transaction committed. Changing the country or the shipping
method re-renders the methods and the summary (htmx, or the "Mettre à jour" button without it).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_countries import countries

from comptoir.accounts.selectors import addresses_of
from comptoir.cart.selectors import CartSummary, cart_summary
from comptoir.checkout.errors import CheckoutError, InvalidDiscount, InvalidGiftCard
from comptoir.checkout.selectors import checkout_preview
from comptoir.checkout.services.place_order import place_order
from comptoir.content.models import LegalRole
from comptoir.content.selectors import legal_page
from comptoir.core.rate_limit import allow, client_keys, first_time, is_limited
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order
from comptoir.orders.state import can_pay
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.providers.registry import enabled_providers
from comptoir.payments.services.start_payment import start_payment
from comptoir.shipping.selectors import ShippingOption, shipping_option, shipping_options

from .cart_session import current_cart
from .checkout_forms import AddressForm, CheckoutForm

DEFAULT_COUNTRY = "FR"
# Discount and gift card codes are guessable by trying: ten different wrong codes from one address, or
# for one email, in a quarter of an hour, and no code is tried for them until the quarter has passed.
WRONG_CODES_LIMIT = 10
WRONG_CODES_WINDOW_SECONDS = 15 * 60
CODE_FIELDS = ("discount_code", "gift_card_code")
# Changing the country asks the page again for its shipping methods and summary (see checkout.html).
REFRESH_ATTRS = {
    "hx-trigger": "change",
    "hx-include": "closest form",
    "hx-vals": '{"refresh": "1"}',
    "hx-target": "#checkout-summary",
    "hx-select": "#checkout-summary",
    "hx-select-oob": "#shipping-options",
    "hx-swap": "outerHTML",
}


def terms_of_sale(request: HttpRequest) -> HttpResponse:
    """The founder's editable CGV page; the built-in text only while the shop has none."""
    page = legal_page(role=LegalRole.TERMS_OF_SALE)
    if page is not None:
        return redirect(page.get_absolute_url())
    return render(request, "storefront/legal/terms.html")


def _country_choices() -> list[tuple[str, str]]:
    """France first (most orders), then every country by its name in the customer's language."""
    named = [(code, str(name)) for code, name in countries]
    return [choice for choice in named if choice[0] == DEFAULT_COUNTRY] + [
        choice for choice in named if choice[0] != DEFAULT_COUNTRY
    ]


def _initial(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """What a signed-in customer finds already filled in: her email and her default address."""
    user = request.user
    if not user.is_authenticated:
        return {"idempotency_key": secrets.token_urlsafe(24)}, {"country": DEFAULT_COUNTRY}
    checkout = {"idempotency_key": secrets.token_urlsafe(24), "email": user.email}
    address = addresses_of(customer=user).order_by("-is_default", "-pk").first()  # type: ignore[arg-type]
    if address is None:
        return checkout, {
            "country": DEFAULT_COUNTRY,
            "first_name": user.first_name,
            "last_name": user.last_name,
        }
    fields = ("first_name", "last_name", "company", "line1", "line2", "postcode", "city", "phone")
    shipping = {name: getattr(address, name) for name in fields}
    shipping["country"] = str(address.country)
    return checkout, shipping


def _unprefixed(data: Any, prefix: str) -> dict[str, Any]:
    return {
        key.removeprefix(f"{prefix}-"): value for key, value in data.items() if key.startswith(f"{prefix}-")
    }


def _chosen(options: list[ShippingOption], method_id: str | None) -> ShippingOption | None:
    chosen = next((option for option in options if str(option.method.pk) == method_id), None)
    if chosen is None and len(options) == 1:
        chosen = options[0]
    return chosen


@never_cache
@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest) -> HttpResponse:
    cart = current_cart(request)
    summary = cart_summary(cart=cart, customer=request.user)
    if summary.is_empty or cart is None:
        placed = _order_of_this_form(request)
        if placed is not None:  # a second click once the first had placed the order and emptied her bag
            return _pay(request, order=placed)
        messages.info(request, _("Votre panier est vide."))
        return redirect("storefront:cart")
    if not summary.can_checkout:
        return redirect("storefront:cart")  # the cart page says which lines need adjusting

    placing = request.method == "POST" and "place" in request.POST
    data: Any = request.POST if request.method == "POST" else None
    status = 200
    notices: list[str] = []
    typed_a_code = data is not None and any(data.get(name, "").strip() for name in CODE_FIELDS)
    if typed_a_code and _too_many_wrong_codes(request, data):
        data = data.copy()
        for name in CODE_FIELDS:
            data[name] = ""
        placing, status = False, 429  # never placed without the code the customer typed
        notices.append(_("Beaucoup de codes erronés en peu de temps : réessayez dans un quart d'heure."))
    checkout_initial, shipping_initial = _initial(request)
    countries_list = _country_choices()
    country_codes = {code for code, _name in countries_list}
    country = (data.get("shipping-country") if data else None) or shipping_initial["country"]
    if country not in country_codes:
        country = DEFAULT_COUNTRY
    options = shipping_options(
        country=country, weight_grams=summary.weight_grams, subtotal_gross=summary.subtotal.gross
    )
    chosen = _chosen(options, data.get("shipping_method") if data else None)
    providers = enabled_providers()

    form_options: dict[str, Any] = {
        "shipping_choices": [(str(option.method.pk), str(option.method.name)) for option in options],
        "pickup_method_ids": {str(option.method.pk) for option in options if option.requires_pickup_point},
        "payment_choices": [(provider.code, str(provider.label)) for provider in providers],
    }
    if placing:
        form = CheckoutForm(data, **form_options)
        shipping_form = AddressForm(data, prefix="shipping", countries=countries_list)
        billing_form = AddressForm(data, prefix="billing", countries=countries_list, phone_required=False)
    else:
        # A first visit, or a refresh after the country or the method changed: no error shown yet.
        form = CheckoutForm(initial=data.dict() if data else checkout_initial, **form_options)
        shipping_form = AddressForm(
            initial=_unprefixed(data, "shipping") if data else shipping_initial,
            prefix="shipping",
            countries=countries_list,
        )
        billing_form = AddressForm(
            initial=_unprefixed(data, "billing") if data else {"country": DEFAULT_COUNTRY},
            prefix="billing",
            countries=countries_list,
            phone_required=False,
        )

    shipping_form.fields["country"].widget.attrs.update(
        REFRESH_ATTRS, **{"hx-post": reverse("storefront:checkout")}
    )
    if placing:
        order = _place(
            request, cart=cart, summary=summary, forms=(form, shipping_form, billing_form), notices=notices
        )
        if order is not None:
            return _pay(request, order=order)

    preview = checkout_preview(
        cart=cart,
        customer=request.user,
        shipping_option=chosen,
        discount_code=(data.get("discount_code", "") if data else ""),
        email=(data.get("email", "") if data else ""),
        gift_card_code=(data.get("gift_card_code", "") if data else ""),
    )
    if data is not None:
        refused = {"discount_code": preview.discount_error, "gift_card_code": preview.gift_card_error}
        for name, error in refused.items():
            if error and data.get(name, "").strip():
                _count_wrong_code(request, data, code=data[name].strip().upper())
    context = {
        "form": form,
        "shipping_form": shipping_form,
        "billing_form": billing_form,
        "preview": preview,
        "shipping_options": options,
        "chosen_shipping": chosen,
        "notices": notices,
    }
    return render(request, "storefront/checkout/checkout.html", context, status=status)


def _code_keys(request: HttpRequest, data: Any) -> list[str]:
    return client_keys(request, email=str(data.get("email", "")))


def _too_many_wrong_codes(request: HttpRequest, data: Any) -> bool:
    return any(
        is_limited(action="wrong_code", key=key, limit=WRONG_CODES_LIMIT) for key in _code_keys(request, data)
    )


def _count_wrong_code(request: HttpRequest, data: Any, *, code: str) -> None:
    """One more wrong code for this address and this email; the same code again counts once."""
    for key in _code_keys(request, data):
        if first_time(action="wrong_code", key=f"{key}:{code}", window_seconds=WRONG_CODES_WINDOW_SECONDS):
            allow(
                action="wrong_code",
                key=key,
                limit=WRONG_CODES_LIMIT,
                window_seconds=WRONG_CODES_WINDOW_SECONDS,
            )


def _place(
    request: HttpRequest,
    *,
    cart: Any,
    summary: CartSummary,
    forms: tuple[CheckoutForm, AddressForm, AddressForm],
    notices: list[str],
) -> Order | None:
    form, shipping_form, billing_form = forms
    billing_same = request.POST.get("billing_same_as_shipping") in {"on", "true", "1"}
    valid = [form.is_valid(), shipping_form.is_valid(), billing_same or billing_form.is_valid()]
    if not all(valid):
        return None
    shipping_address = shipping_form.to_address()
    # The posted method is only an id: it is priced again here, for this country, weight and cart.
    option = shipping_option(
        method_id=int(form.cleaned_data["shipping_method"]),
        country=shipping_address.country,
        weight_grams=summary.weight_grams,
        subtotal_gross=summary.subtotal.gross,
    )
    if option is None:
        form.add_error("shipping_method", _("Ce mode de livraison ne dessert pas cette adresse."))
        return None
    try:
        return place_order(
            cart=cart,
            customer=request.user if request.user.is_authenticated else None,
            email=form.cleaned_data["email"],
            shipping_address=shipping_address,
            billing_address=None if billing_same else billing_form.to_address(),
            shipping_option=option,
            payment_method=form.cleaned_data["payment_method"],
            idempotency_key=form.cleaned_data["idempotency_key"],
            language=translation.get_language() or "fr",
            terms_accepted=form.cleaned_data["accept_terms"],
            pickup_point=form.pickup_point(),
            discount_code=form.cleaned_data["discount_code"],
            customer_note=form.cleaned_data["customer_note"],
            gift_card_code=form.cleaned_data["gift_card_code"],
        )
    except InvalidDiscount as refused:
        form.add_error("discount_code", " ".join(refused.messages))
        return None
    except InvalidGiftCard as refused:
        form.add_error("gift_card_code", " ".join(refused.messages))
        return None
    except CheckoutError as refused:
        notices.extend(refused.messages)
        return None


def _order_of_this_form(request: HttpRequest) -> Order | None:
    """The order the checkout form sent already placed: its idempotency key is a secret of that form
    alone, as an order's access token is, so whoever sends it again may see that order."""
    key = request.POST.get("idempotency_key", "") if "place" in request.POST else ""
    return Order.objects.filter(idempotency_key=key).first() if key else None


def _pay(request: HttpRequest, *, order: Order) -> HttpResponse:
    """The order is placed and committed: now the provider, then the customer's order page."""
    order_url = request.build_absolute_uri(
        reverse("storefront:order_status", kwargs={"token": order_access_token(order=order)})
    )
    if not can_pay(order.status):
        return redirect(order_url)  # the same form sent again after the order was paid
    try:
        started = start_payment(
            order=order,
            provider_code=order.payment_method,
            return_url=f"{order_url}?merci",
            cancel_url=order_url,
        )
    except PaymentError:
        messages.error(
            request,
            _(
                "Votre commande %(number)s est enregistrée, mais le paiement n'a pas pu commencer. "
                "Nous vous écrivons pour le finaliser."
            )
            % {"number": order.number},
        )
        return redirect(order_url)
    if started.instructions:
        messages.info(request, started.instructions)
    return redirect(started.redirect_url)
