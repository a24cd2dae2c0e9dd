"""Version 1 of the resellers' API: the catalogue at the company's prices, its orders, its invoices.

Every endpoint acts for the company of the key (``ApiKeyAuth``) and reads or writes through the same
selectors and services as the reseller space: prices from the company's ``WholesalePolicy``, orders
through ``place_reseller_lines`` (the grid's rules), documents from the invoicing selectors. Another
company's order or invoice is a 404, never a 403 that would confirm it exists.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import Header, Query, Router, Schema, Status

from comptoir.checkout.services.place_reseller_order import (
    CLIENT_KEY_MAX_LENGTH,
    PackRequest,
    place_reseller_lines,
)
from comptoir.core.downloads import private_download
from comptoir.invoicing import selectors as documents
from comptoir.invoicing.pdf import company_document_pdf
from comptoir.orders.models import Order
from comptoir.orders.selectors import order_of_company, orders_of_company
from comptoir.resellers.selectors import WholesaleProduct, wholesale_catalogue, wholesale_policy_for
from comptoir.resellers.services.quick_order import CodedLine

from .auth import caller_of
from .schemas import (
    CataloguePage,
    DocumentsPage,
    ErrorOut,
    OrderIn,
    OrderOut,
    OrdersPage,
    PlacedOut,
)

router = Router(tags=["v1"])

# What any operation may answer besides its own: no key, a malformed request, too many requests, or
# prices not published yet (the founder has not set the default wholesale list up).
ERRORS: dict[int, Any] = {401: ErrorOut, 422: ErrorOut, 429: ErrorOut, 503: ErrorOut}
MAX_PAGE = 100_000


class Paging(Schema):
    page: int = SchemaField(1, ge=1, le=MAX_PAGE)
    page_size: int = SchemaField(50, ge=1, le=100)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def _amount(value: Any) -> str:
    return f"{value:.2f}"


def _rate(value: Any) -> str:
    return f"{value.normalize():f}" if value else "0"


# --- The catalogue -------------------------------------------------------------------------------------


def _product(row: WholesaleProduct) -> dict[str, Any]:
    product = row.product
    return {
        "slug": product.slug,
        "name": product.name,
        "currency": row.variants[0].quote.unit.currency if row.variants else "EUR",
        "is_preorder": row.is_preorder,
        "preorder_cutoff": product.preorder_cutoff if row.is_preorder else None,
        "preorder_ships_from": product.preorder_ships_from if row.is_preorder else None,
        "preorder_ships_until": product.preorder_ships_until if row.is_preorder else None,
        "minimum_quantity": row.minimum_quantity,
        "pack_multiple": row.pack_multiple,
        "volume_tiers": [
            {"min_quantity": tier.min_quantity, "discount_percent": _rate(tier.discount_percent)}
            for tier in row.tiers
        ],
        "prepacks": [
            {
                "id": prepack.pk,
                "name": prepack.name,
                "sizes": [
                    {"size": part.size.label, "quantity": part.quantity} for part in prepack.sizes.all()
                ],
            }
            for prepack in row.prepacks
        ],
        "variants": [
            {
                "sku": item.variant.sku,
                "ean13": item.variant.ean13 or None,
                "size": item.variant.size.label if item.variant.size else None,
                "colour": str(item.variant.colour.name) if item.variant.colour else None,
                "colour_slug": item.variant.colour.slug if item.variant.colour else None,
                "unit_price_net": _amount(item.quote.unit.net.amount),
                "vat_rate": _rate(item.quote.vat_rate),
                "available": item.available,
            }
            for item in row.variants
        ],
    }


@router.get(
    "/catalogue",
    response={200: CataloguePage, **ERRORS},
    url_name="catalogue",
    summary="The catalogue at your prices (HT), with stock, order rules, volume tiers and packs",
)
def catalogue(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    caller = caller_of(request)
    policy = wholesale_policy_for(user=caller.buyer.user)
    found = wholesale_catalogue(policy=policy, offset=paging.offset, limit=paging.page_size)  # type: ignore[arg-type]
    return {
        "count": found.count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [_product(row) for row in found.products],
    }


# --- Orders --------------------------------------------------------------------------------------------


def _order_summary(order: Order) -> dict[str, Any]:
    return {
        "number": order.number,
        "status": order.status,
        "status_label": str(order.get_status_display()),
        "placed_at": order.created_at,
        "purchase_order_reference": order.purchase_order_reference,
        "currency": order.currency,
        "total_net": _amount(order.total_net),
        "total_gross": _amount(order.total_gross),
        "payment_terms": order.payment_terms,
        "payment_due_date": order.payment_due_date,
        "preorder_ships_from": order.preorder_ships_from,
        "preorder_ships_until": order.preorder_ships_until,
        "paid_at": order.paid_at,
        "shipped_at": order.shipped_at,
        "tracking_number": order.tracking_number,
    }


def _order(order: Order) -> dict[str, Any]:
    return {
        **_order_summary(order),
        "customer_note": order.customer_note,
        "lines": [
            {
                "sku": line.sku,
                "product_name": line.product_name,
                "options_label": line.options_label,
                "quantity": line.quantity,
                "unit_price_net": _amount(line.unit_net),
                "vat_rate": _rate(line.vat_rate),
                "total_net": _amount(line.total_net),
                "total_gross": _amount(line.total_gross),
            }
            for line in order.lines.all()
        ],
    }


@router.get("/orders", response={200: OrdersPage, **ERRORS}, url_name="orders", summary="Your orders")
def orders(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    company_orders = orders_of_company(company_id=caller_of(request).buyer.company_id)
    return {
        "count": company_orders.count(),
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [
            _order_summary(order)
            for order in company_orders[paging.offset : paging.offset + paging.page_size]
        ],
    }


@router.post(
    "/orders",
    response={201: PlacedOut, 400: ErrorOut, 409: ErrorOut, **ERRORS},
    url_name="orders",
    summary="Place an order (the grid's rules; idempotent with the Idempotency-Key header)",
    description=(
        "422: a malformed request (`invalid_request`, or a blank purchase order reference). "
        "409: well formed but refused by a rule of the shop (`order_refused`, each broken rule in "
        "`errors`) or by the stock (`out_of_stock`)."
    ),
)
def place_order(
    request: HttpRequest,
    payload: OrderIn,
    idempotency_key: str = Header(
        ...,
        alias="Idempotency-Key",
        min_length=1,
        max_length=CLIENT_KEY_MAX_LENGTH,
        pattern=r"^[A-Za-z0-9._~:-]+$",
        description="A key of yours, unique per order (a UUID): a retried request never places twice.",
    ),
) -> Status[dict[str, Any]]:
    placed = place_reseller_lines(
        buyer=caller_of(request).buyer,
        lines=[
            CodedLine(
                number=number, text=f"{line.sku} {line.quantity}", code=line.sku, quantity=line.quantity
            )
            for number, line in enumerate(payload.lines, start=1)
        ],
        packs=[
            PackRequest(number=number, prepack_id=pack.prepack_id, colour_slug=pack.colour, packs=pack.packs)
            for number, pack in enumerate(payload.packs, start=1)
        ],
        purchase_order_reference=payload.purchase_order_reference,
        idempotency_key=idempotency_key,
        customer_note=payload.customer_note,
        language=get_language() or "fr",
    )
    company_id = caller_of(request).buyer.company_id
    details = [order_of_company(company_id=company_id, number=order.number) for order in placed]
    return Status(201, {"orders": [_order(order) for order in details if order is not None]})


@router.get(
    "/orders/{number}",
    response={200: OrderOut, 404: ErrorOut, **ERRORS},
    url_name="order",
    summary="One of your orders, with its lines",
)
def order(request: HttpRequest, number: str) -> dict[str, Any]:
    found = order_of_company(company_id=caller_of(request).buyer.company_id, number=number)
    if found is None:
        raise Http404(_("Cette commande n'existe pas."))
    return _order(found)


# --- Invoices and credit notes -------------------------------------------------------------------------


@router.get(
    "/invoices",
    response={200: DocumentsPage, **ERRORS},
    url_name="invoices",
    summary="Your invoices and credit notes, newest first",
)
def invoices(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    rows = documents.documents_of_company(company=caller_of(request).buyer.company)
    return {
        "count": len(rows),
        "page": paging.page,
        "page_size": paging.page_size,
        "items": [
            {
                "kind": row.kind,
                "number": row.number,
                "issued_at": row.issued_at,
                "total_gross": _amount(row.total_gross),
                "currency": row.currency,
                "order_number": row.order_number,
                "invoice_number": row.invoice_number,
                "pdf_url": f"/api/v1/invoices/{row.number}/pdf",
            }
            for row in rows[paging.offset : paging.offset + paging.page_size]
        ],
    }


@router.get(
    "/invoices/{number}/pdf",
    response={404: ErrorOut, **ERRORS},
    url_name="invoice_pdf",
    summary="An invoice or credit note as PDF (Factur-X for invoices)",
    openapi_extra={
        "responses": {
            "200": {
                "description": "The PDF, as issued",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def invoice_document(request: HttpRequest, number: str) -> HttpResponse:
    company = caller_of(request).buyer.company
    content = company_document_pdf(company=company, number=number)
    if content is None:
        raise Http404(_("Ce document n'existe pas."))
    return private_download(content, filename=f"{number}.pdf")
