"""What the API answers and accepts. Money travels as decimal strings ("43.21"), never as floats."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

MAX_PIECES = 9999  # resellers.services.draft_orders.MAX_CELL_QUANTITY: a grid cell's limit


class ProblemOut(Schema):
    rule: str = Field(description="What is broken: pack_multiple, minimum_quantity, stock, unknown_code…")
    message: str = Field(description="The sentence the buyer reads on the grid, naming the product or line.")
    line: int | None = Field(None, description="The 1-based position in `lines` of the request, when known.")
    pack: int | None = Field(None, description="The 1-based position in `packs` of the request, when known.")
    sku: str | None = Field(None, description="The variant concerned, when one is.")
    field: str | None = Field(None, description="The request field at fault (invalid requests).")


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    code: str = Field(description="A stable word for programs: unauthorized, not_found, rate_limited…")
    errors: list[ProblemOut] = Field(default_factory=list)


class TierOut(Schema):
    min_quantity: int = Field(description="From this many pieces of the product in the order (all sizes).")
    discount_percent: str


class PrepackSizeOut(Schema):
    size: str
    quantity: int


class PrepackOut(Schema):
    id: int
    name: str
    sizes: list[PrepackSizeOut]


class VariantOut(Schema):
    sku: str
    ean13: str | None
    size: str | None
    colour: str | None
    colour_slug: str | None
    unit_price_net: str = Field(description="Your price for one piece, excluding VAT, before volume tiers.")
    vat_rate: str = Field(description="The VAT rate your orders pay (0 for intra-EU supplies and exports).")
    available: int = Field(description="Pieces in stock now (pre-orders do not need stock).")


class ProductOut(Schema):
    slug: str
    name: str
    currency: str
    is_preorder: bool
    preorder_cutoff: date | None
    preorder_ships_from: date | None
    preorder_ships_until: date | None
    minimum_quantity: int = Field(description="Pieces of the product per order, all sizes and colours.")
    pack_multiple: int = Field(description="Each size is ordered by this many pieces.")
    volume_tiers: list[TierOut]
    prepacks: list[PrepackOut]
    variants: list[VariantOut]


class CataloguePage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ProductOut]


class OrderLineIn(Schema):
    sku: str = Field(min_length=1, max_length=64, description="A variant's SKU, or its EAN-13.")
    quantity: int = Field(ge=1, le=MAX_PIECES)


class PackIn(Schema):
    prepack_id: int = Field(ge=1, le=2_147_483_647)
    colour: str | None = Field(
        None,
        max_length=60,
        description="The colour's slug (`colour_slug`); none for a product without colours.",
    )
    packs: int = Field(ge=1, le=MAX_PIECES)


class OrderIn(Schema):
    purchase_order_reference: str = Field(min_length=1, max_length=64, description="Your PO number.")
    customer_note: str = Field("", max_length=2000)
    lines: list[OrderLineIn] = Field(default_factory=list, max_length=500)
    packs: list[PackIn] = Field(default_factory=list, max_length=200)


class OrderLineOut(Schema):
    sku: str
    product_name: str
    options_label: str
    quantity: int
    unit_price_net: str
    vat_rate: str
    total_net: str
    total_gross: str


class OrderSummaryOut(Schema):
    number: str
    status: str
    status_label: str
    placed_at: datetime
    purchase_order_reference: str
    currency: str
    total_net: str
    total_gross: str
    payment_terms: str
    payment_due_date: date | None
    preorder_ships_from: date | None
    preorder_ships_until: date | None
    paid_at: datetime | None
    shipped_at: datetime | None
    tracking_number: str


class OrderOut(OrderSummaryOut):
    customer_note: str
    lines: list[OrderLineOut]


class OrdersPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[OrderSummaryOut]


class PlacedOut(Schema):
    orders: list[OrderOut] = Field(
        description="One order per delivery: from stock, then each pre-order window."
    )


class DocumentOut(Schema):
    kind: str = Field(description="invoice or credit_note")
    number: str
    issued_at: datetime
    total_gross: str
    currency: str
    order_number: str
    invoice_number: str = Field(description="The invoice a credit note corrects; an invoice's own number.")
    pdf_url: str


class DocumentsPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[DocumentOut]
