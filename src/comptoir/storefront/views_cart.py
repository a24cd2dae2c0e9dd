"""The bag: add from a product page, change quantities, remove; with htmx or plain forms alike.

Every change is a POST answered by a redirect (no JavaScript) or by the updated fragment plus the
header's mini-cart (htmx). Refusals ("plus que 2 pièces disponibles") are shown next to what was
pressed and change nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from comptoir.cart.errors import CartError
from comptoir.cart.selectors import cart_item_count, cart_summary
from comptoir.cart.services.edit_cart import add_to_cart, change_quantity, note_prices_seen, remove_line

from .cart_session import cart_to_fill, current_cart


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _render_cart(request: HttpRequest, *, errors: list[str] | None = None, partial: bool) -> HttpResponse:
    cart = current_cart(request)
    summary = cart_summary(cart=cart, customer=request.user)
    template = "storefront/cart/cart_body.html" if partial else "storefront/cart/cart.html"
    response = render(
        request, template, {"summary": summary, "errors": errors or [], "oob_mini_cart": partial}
    )
    if cart is not None:
        note_prices_seen(cart=cart, prices=summary.shown_prices())
    return response


@require_GET
@vary_on_headers("HX-Request")
def cart_detail(request: HttpRequest) -> HttpResponse:
    return _render_cart(request, partial=_is_htmx(request))


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    cart = cart_to_fill(request)
    try:
        line = add_to_cart(
            cart=cart,
            variant_id=request.POST.get("variant", ""),
            quantity=request.POST.get("quantity", "1"),
            customer=request.user,
        )
    except CartError as refused:
        if _is_htmx(request):
            return render(request, "storefront/cart/added.html", {"errors": refused.messages})
        for message in refused.messages:
            messages.error(request, message)
        return redirect(request.POST["back"] if _safe_back(request) else "storefront:cart")
    if _is_htmx(request):
        count = cart_item_count(cart_id=cart.pk)
        return render(request, "storefront/cart/added.html", {"line": line, "cart_count": count})
    messages.success(request, _("%(item)s est dans votre panier.") % {"item": line.variant.product.name})
    return redirect("storefront:cart")


def _safe_back(request: HttpRequest) -> bool:
    """Only a path of this shop: never an open redirect to another site."""
    back = request.POST.get("back", "")
    return back.startswith("/") and not back.startswith("//")


@require_POST
def cart_update(request: HttpRequest, line_id: int) -> HttpResponse:
    cart = current_cart(request)
    errors: list[str] = []
    if cart is not None:
        try:
            if "remove" in request.POST:
                remove_line(cart=cart, line_id=line_id)
            else:
                change_quantity(
                    cart=cart,
                    line_id=line_id,
                    quantity=request.POST.get("quantity", ""),
                    customer=request.user,
                )
        except CartError as refused:
            errors = refused.messages
    if _is_htmx(request):
        return _render_cart(request, errors=errors, partial=True)
    for message in errors:
        messages.error(request, message)
    return redirect("storefront:cart")
