"""The resellers' JSON API (django-ninja): ``/api/v1/…``, described at ``/api/openapi.json``.

Every answer is JSON, errors included: ``{"detail": …, "code": …, "errors": [...]}`` — a refusal
names each broken rule and the line it concerns, and nothing is ever half written. Messages follow
the request's language (``Accept-Language``: French by default, English).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from comptoir.checkout.errors import (
    CheckoutError,
    EmptyCart,
    InvalidCheckout,
    MissingPurchaseOrderReference,
    OrderRulesNotMet,
    OutOfStock,
)
from comptoir.pricing.wholesale import NoPriceList
from comptoir.resellers.errors import NoWholesaleAccess

from .auth import ApiKeyAuth, RateLimited
from .v1 import router as v1


class ReadableJSONRenderer(JSONRenderer):
    """UTF-8 as it is (« passée », not « pass\\u00e9e »): the messages are read by people too."""

    json_dumps_params: Mapping[str, Any] = {"ensure_ascii": False}


api = NinjaAPI(
    title="Comptoir — API revendeurs",
    version="1",
    description=(
        "The catalogue at your company's wholesale prices (HT), your orders and your invoices. "
        "Authenticate with `Authorization: Bearer <key>` (keys are created in the reseller space)."
    ),
    auth=ApiKeyAuth(),
    renderer=ReadableJSONRenderer(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    # Swagger UI (ninja's own copy, served by us) runs under the strict Content-Security-Policy.
    docs_url="/docs",
)
api.add_router("/v1/", v1)


def _error(
    request: HttpRequest, status: int, *, detail: str, code: str, errors: list[dict[str, Any]] | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"detail": detail, "code": code, "errors": errors or []}, status=status
    )


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(
        request,
        401,
        detail=_("Clé d'API manquante, inconnue ou révoquée : envoyez « Authorization: Bearer <clé> »."),
        code="unauthorized",
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(RateLimited)
def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = _error(
        request,
        429,
        detail=_("Trop de requêtes pour cette clé : réessayez dans %(seconds)d secondes.")
        % {"seconds": exc.retry_after},
        code="rate_limited",
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, detail=str(exc) or _("Introuvable."), code="not_found")


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ())]
        errors.append(
            {
                "rule": "invalid",
                "message": str(error.get("msg", "")),
                "field": ".".join(location),
                # lines.2.quantity → line 3 (1-based, as the rules count them)
                "line": _position(location, "lines"),
                "pack": _position(location, "packs"),
            }
        )
    return _error(
        request,
        422,
        detail=_("La requête est incomplète ou mal formée."),
        code="invalid_request",
        errors=errors,
    )


def _position(location: list[str], field: str) -> int | None:
    if field in location:
        index = location.index(field) + 1
        if index < len(location) and location[index].isdecimal():
            return int(location[index]) + 1
    return None


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, detail=str(exc.message), code="error")


@api.exception_handler(CheckoutError)
def order_refused(request: HttpRequest, exc: CheckoutError) -> HttpResponse:
    """The order is not placed: each broken rule, with its line, as the grid would list them."""
    if isinstance(exc, OrderRulesNotMet) and exc.problems:
        errors = [
            {
                "rule": problem.rule,
                "message": problem.message,
                "line": problem.line,
                "pack": problem.pack,
                "sku": problem.sku or None,
            }
            for problem in exc.problems
        ]
    elif isinstance(exc, OutOfStock):
        errors = [{"rule": "stock", "message": shortage.message} for shortage in exc.shortages]
    else:
        errors = [{"rule": _rule_of(exc), "message": message} for message in exc.messages]
    # A rule of the shop (pack multiples, minimums, a SKU or pack it does not sell, an empty order) is a
    # 409: the request was well formed, the shop refuses it. 422 stays for a malformed request.
    status, code = 409, "order_refused"
    if isinstance(exc, OutOfStock):
        status, code = 409, "out_of_stock"
    elif isinstance(exc, MissingPurchaseOrderReference):  # a blank required field: malformed
        status = 422
    elif isinstance(exc, InvalidCheckout):
        status, code = 400, "invalid_request"
    return _error(request, status, detail=_("La commande n'est pas passée."), code=code, errors=errors)


def _rule_of(exc: CheckoutError) -> str:
    if isinstance(exc, MissingPurchaseOrderReference):
        return "purchase_order_reference"
    if isinstance(exc, EmptyCart):
        return "empty_order"
    return "order"


@api.exception_handler(NoPriceList)
def no_prices_yet(request: HttpRequest, exc: NoPriceList) -> HttpResponse:
    response = _error(
        request, 503, detail=_("Les prix revendeurs ne sont pas encore publiés."), code="no_price_list"
    )
    response["Retry-After"] = "3600"
    return response


@api.exception_handler(NoWholesaleAccess)
def no_wholesale_access(request: HttpRequest, exc: NoWholesaleAccess) -> HttpResponse:
    # The key's buyer left the company between authentication and pricing: as if the key were revoked.
    return unauthorized(request, AuthenticationError())
