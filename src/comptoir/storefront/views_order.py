"""An order as its customer sees it: from the account, or from the signed link of the order emails.

Both doors show the same page (lines, totals, addresses, the order's story) and offer the same
withdrawal button during the legal window; the domain decides the window and records the request.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from comptoir.core.addresses import PostalAddress
from comptoir.invoicing.pdf import invoice_pdf
from comptoir.invoicing.selectors import invoices_of_order, latest_invoice_of_order
from comptoir.orders import selectors as order_selectors
from comptoir.orders.errors import WithdrawalRefused
from comptoir.orders.models import Order
from comptoir.orders.services.create_account_for_guest import (
    AccountRefused,
    create_account_for_guest_order,
    guest_can_create_account,
)
from comptoir.orders.services.request_withdrawal import request_withdrawal
from comptoir.orders.withdrawal import withdrawal_status
from comptoir.payments.providers.base import PaymentError
from comptoir.reviews.services.write_review import ReviewRefused, reviewable_product_ids, write_review
from comptoir.workflow.services.cancel_by_customer import (
    CancellationRefused,
    cancel_order_by_customer,
    customer_cancellation,
)
from comptoir.workflow.services.pay_again import (
    PayAgainRefused,
    last_payment_failed,
    pay_again,
    pay_again_deadline,
)

from .views_account import AuthenticatedRequest


def _account_order_or_404(request: AuthenticatedRequest, number: str) -> Order:
    order = order_selectors.order_of(customer=request.user, number=number)
    if order is None:
        raise Http404(_("Cette commande n'existe pas."))
    return order


def _token_order_or_404(token: str) -> Order:
    # A tampered, expired or unknown token: the same 404 as a page that does not exist.
    order = order_selectors.order_from_access_token(token=token)
    if order is None:
        raise Http404(_("Cette commande n'existe pas."))
    return order


def _private(response: HttpResponse) -> HttpResponse:
    """A page behind a secret link: never cached by a proxy, never indexed, the link never leaked."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _order_context(
    order: Order,
    *,
    order_url: str,
    withdrawal_url: str,
    review_url: Callable[[int], str],
    invoice_url: str,
    pay_again_url: str,
    cancel_url: str,
) -> dict[str, object]:
    reviewable = reviewable_product_ids(order=order)
    lines = list(order.lines.select_related("variant"))
    review_urls = {
        line.pk: review_url(line.variant.product_id)
        for line in lines
        if line.variant is not None and line.variant.product_id in reviewable
    }
    return {
        "invoice_url": invoice_url if invoices_of_order(order=order).exists() else "",
        "review_urls": review_urls,
        "order": order,
        "lines": lines,
        "timeline": order_selectors.order_timeline(order=order),
        "shipping_address": PostalAddress.from_dict(order.shipping_address or {}),
        "billing_address": PostalAddress.from_dict(order.billing_address or {}),
        "withdrawal": withdrawal_status(order=order),
        "order_url": order_url,
        "withdrawal_url": withdrawal_url,
        "pay_again_deadline": pay_again_deadline(order=order),
        "payment_failed": last_payment_failed(order=order),
        "pay_again_url": pay_again_url,
        "cancel_url": cancel_url,
        "cancellation": customer_cancellation(order=order),
    }


@login_required
def account_order(request: AuthenticatedRequest, number: str) -> HttpResponse:
    order = _account_order_or_404(request, number)
    context = _order_context(
        order,
        order_url=reverse("storefront:account_order", kwargs={"number": order.number}),
        withdrawal_url=reverse("storefront:account_order_withdrawal", kwargs={"number": order.number}),
        review_url=lambda product_id: reverse(
            "storefront:account_order_review", kwargs={"number": order.number, "product_id": product_id}
        ),
        invoice_url=reverse("storefront:account_order_invoice", kwargs={"number": order.number}),
        pay_again_url=reverse("storefront:account_order_pay_again", kwargs={"number": order.number}),
        cancel_url=reverse("storefront:account_order_cancel", kwargs={"number": order.number}),
    )
    return render(request, "storefront/account/order.html", context)


@require_http_methods(["GET", "POST"])
def order_status(request: HttpRequest, token: str) -> HttpResponse:
    order = _token_order_or_404(token)
    context = _order_context(
        order,
        order_url=reverse("storefront:order_status", kwargs={"token": token}),
        withdrawal_url=reverse("storefront:order_status_withdrawal", kwargs={"token": token}),
        review_url=lambda product_id: reverse(
            "storefront:order_status_review", kwargs={"token": token, "product_id": product_id}
        ),
        invoice_url=reverse("storefront:order_status_invoice", kwargs={"token": token}),
        pay_again_url=reverse("storefront:order_status_pay_again", kwargs={"token": token}),
        cancel_url=reverse("storefront:order_status_cancel", kwargs={"token": token}),
    )
    # Checkout (or the payment provider) sends the customer here with ?merci once the order is placed.
    context["just_placed"] = "merci" in request.GET
    context["offer_account"] = not request.user.is_authenticated and guest_can_create_account(order=order)
    context["account_errors"] = []
    if request.method == "POST" and context["offer_account"]:
        try:
            user = create_account_for_guest_order(order=order, password=request.POST.get("password", ""))
        except AccountRefused as refused:
            context["account_errors"] = refused.messages
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Votre compte est créé : vos commandes y sont déjà."))
            return redirect("storefront:account_order", number=order.number)
    return _private(render(request, "storefront/account/order_status.html", context))


def _withdrawal_step(request: HttpRequest, order: Order, *, order_url: str, template: str) -> HttpResponse:
    """GET: the confirmation step. POST: the request, recorded by the domain, then back to the order."""
    status = withdrawal_status(order=order)
    if request.method == "POST":
        if not status.is_open:
            # A second click, an old tab, a forged form: say why, change nothing.
            if status.requested_at is not None:
                messages.info(request, _("Votre demande de rétractation avait déjà été reçue."))
            else:
                messages.error(request, _("Le délai de rétractation de cette commande est passé."))
            return redirect(order_url)
        try:
            request_withdrawal(
                order=order,
                actor=request.user if request.user.is_authenticated else None,
                actor_label="customer",
            )
        except WithdrawalRefused as refusal:  # the deadline passed while the page was open
            messages.error(request, refusal.message)
            return redirect(order_url)
        messages.success(
            request, _("Votre rétractation est enregistrée. Un accusé de réception vous est envoyé.")
        )
        return redirect(order_url)
    if not status.is_open:
        return redirect(order_url)
    return render(
        request,
        template,
        {"order": order, "withdrawal": status, "order_url": order_url, "lines": list(order.lines.all())},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_order_withdrawal(request: AuthenticatedRequest, number: str) -> HttpResponse:
    order = _account_order_or_404(request, number)
    order_url = reverse("storefront:account_order", kwargs={"number": order.number})
    return _withdrawal_step(
        request, order, order_url=order_url, template="storefront/account/withdrawal.html"
    )


@require_http_methods(["GET", "POST"])
def order_status_withdrawal(request: HttpRequest, token: str) -> HttpResponse:
    order = _token_order_or_404(token)
    order_url = reverse("storefront:order_status", kwargs={"token": token})
    response = _withdrawal_step(
        request, order, order_url=order_url, template="storefront/account/withdrawal.html"
    )
    return _private(response)


def _pay_again_step(request: HttpRequest, order: Order, *, order_url: str) -> HttpResponse:
    """POST only: a new payment session for the same order, then the provider's page."""
    absolute_order_url = request.build_absolute_uri(order_url)
    try:
        started = pay_again(
            order=order, return_url=f"{absolute_order_url}?merci", cancel_url=absolute_order_url
        )
    except PayAgainRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(order_url)
    except PaymentError:
        messages.error(request, _("Le paiement n'a pas pu commencer. Réessayez dans un instant."))
        return redirect(order_url)
    return redirect(started.redirect_url)


@login_required
@require_POST
def account_order_pay_again(request: AuthenticatedRequest, number: str) -> HttpResponse:
    order = _account_order_or_404(request, number)
    return _pay_again_step(
        request, order, order_url=reverse("storefront:account_order", kwargs={"number": order.number})
    )


@require_POST
def order_status_pay_again(request: HttpRequest, token: str) -> HttpResponse:
    order = _token_order_or_404(token)
    order_url = reverse("storefront:order_status", kwargs={"token": token})
    return _private(_pay_again_step(request, order, order_url=order_url))


def _cancel_step(request: HttpRequest, order: Order, *, order_url: str) -> HttpResponse:
    """POST only (the order page asks for confirmation): cancelled, refunded, then back to the order."""
    try:
        cancel_order_by_customer(order=order, actor=request.user if request.user.is_authenticated else None)
    except CancellationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _(
                "Votre commande est annulée. Si vous l'aviez payée, nous vous remboursons "
                "sur le même moyen de paiement."
            ),
        )
    return redirect(order_url)


@login_required
@require_POST
def account_order_cancel(request: AuthenticatedRequest, number: str) -> HttpResponse:
    order = _account_order_or_404(request, number)
    return _cancel_step(
        request, order, order_url=reverse("storefront:account_order", kwargs={"number": order.number})
    )


@require_POST
def order_status_cancel(request: HttpRequest, token: str) -> HttpResponse:
    order = _token_order_or_404(token)
    order_url = reverse("storefront:order_status", kwargs={"token": token})
    return _private(_cancel_step(request, order, order_url=order_url))


def _review_step(request: HttpRequest, order: Order, *, product_id: int, order_url: str) -> HttpResponse:
    """GET: the review form for one product of the order. POST: the review, held for moderation."""
    if product_id not in reviewable_product_ids(order=order):
        raise Http404(_("Ce produit ne peut pas recevoir d'avis depuis cette commande."))
    line = next(
        line
        for line in order.lines.select_related("variant")
        if line.variant and line.variant.product_id == product_id
    )
    error = ""
    values = {"rating": "", "body": "", "name": ""}
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in values}
        try:
            write_review(order=order, product_id=product_id, **values)
        except ReviewRefused as refused:
            error = refused.message
        else:
            messages.success(request, _("Merci pour votre avis ! Il sera publié après relecture."))
            return redirect(order_url)
    return render(
        request,
        "storefront/account/review.html",
        {
            "order": order,
            "line": line,
            "error": error,
            "values": values,
            "order_url": order_url,
            "ratings": range(5, 0, -1),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_order_review(request: AuthenticatedRequest, number: str, product_id: int) -> HttpResponse:
    order = _account_order_or_404(request, number)
    order_url = reverse("storefront:account_order", kwargs={"number": order.number})
    return _review_step(request, order, product_id=product_id, order_url=order_url)


@require_http_methods(["GET", "POST"])
def order_status_review(request: HttpRequest, token: str, product_id: int) -> HttpResponse:
    order = _token_order_or_404(token)
    order_url = reverse("storefront:order_status", kwargs={"token": token})
    return _private(_review_step(request, order, product_id=product_id, order_url=order_url))


def _invoice_response(order: Order) -> HttpResponse:
    invoice = latest_invoice_of_order(order=order)
    if invoice is None:
        raise Http404(_("Cette commande n'a pas encore de facture."))
    response = HttpResponse(invoice_pdf(invoice=invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
    return response


@login_required
def account_order_invoice(request: AuthenticatedRequest, number: str) -> HttpResponse:
    return _invoice_response(_account_order_or_404(request, number))


def order_status_invoice(request: HttpRequest, token: str) -> HttpResponse:
    return _private(_invoice_response(_token_order_or_404(token)))
