"""Turn a reseller company's draft into an order: wholesale prices HT, its VAT regime, its payment terms.

The same steps as the boutique's ``place_order`` (its helpers are shared): the draft read afresh under
its row lock, priced again through the company's ``WholesalePolicy``, stock reserved, lines frozen,
the draft emptied, the confirmation email queued after commit. The same ``idempotency_key`` always
returns the same order, so a double click on « Commander » places one order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from comptoir.catalog.models import Variant
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import TaxedMoney
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine
from comptoir.orders.models import PAYMENT_ON_TERMS, Channel, Order, OrderStatus
from comptoir.orders.selectors import is_first_reseller_order
from comptoir.orders.services.transition import email_after_commit, record_event
from comptoir.pricing.policy import RESELLER
from comptoir.pricing.wholesale import price_list_for
from comptoir.resellers.models import Buyer, DraftOrder, DraftOrderLine
from comptoir.resellers.rules import RuleLine, draft_problems
from comptoir.resellers.services.draft_orders import MAX_CELL_QUANTITY
from comptoir.resellers.terms import is_on_terms, payment_due_date

from ..errors import (
    EmptyCart,
    InvalidCheckout,
    MissingPurchaseOrderReference,
    OrderRulesNotMet,
    OutOfStock,
)
from ..pricing import CheckoutItem, PricedCheckout, PricedLine, price_items, validate_items
from .place_order import IDEMPOTENCY_KEY_MAX_LENGTH, create_order_lines, insert_order

# How a reseller pays: on terms the order is placed without payment and becomes due; prepayment is a
# bank transfer awaited before the goods leave.
ON_TERMS = PAYMENT_ON_TERMS
BANK_TRANSFER = "bank_transfer"
PURCHASE_ORDER_REFERENCE_MAX_LENGTH = 64
CLIENT_KEY_MAX_LENGTH = IDEMPOTENCY_KEY_MAX_LENGTH - 24  # room for the company's prefix

# Wholesale parcels leave with the brand's carrier; the transport is agreed with the company, not
# charged at checkout.
RESELLER_SHIPPING_NAME = "Livraison professionnelle"


@dataclass(frozen=True, slots=True)
class Delivery:
    """When a group of lines ships: now (from stock), or a pre-order's window (no stock taken)."""

    ships_from: date | None = None
    ships_until: date | None = None

    @property
    def is_preorder(self) -> bool:
        return self.ships_from is not None


def delivery_of(*, variant: Variant, today: date) -> Delivery:
    product = variant.product
    if product.is_open_for_preorder(today=today):
        return Delivery(ships_from=product.preorder_ships_from, ships_until=product.preorder_ships_until)
    return Delivery()


def place_reseller_order(
    *,
    buyer: Buyer,
    purchase_order_reference: str,
    idempotency_key: str,
    language: str,
    customer_note: str = "",
) -> list[Order]:
    """Place the company's draft, one order per delivery, or raise a ``CheckoutError`` changing nothing.

    Lines from stock make one order; each pre-order window makes its own (its pieces reserve nothing).
    The minimums count the whole draft: it is one decision of the buyer.
    """
    reference = purchase_order_reference.strip()
    if not reference:
        raise MissingPurchaseOrderReference()
    if len(reference) > PURCHASE_ORDER_REFERENCE_MAX_LENGTH:
        raise InvalidCheckout(["purchase_order_reference is too long."])
    if not idempotency_key or len(idempotency_key) > CLIENT_KEY_MAX_LENGTH:
        raise InvalidCheckout(["idempotency_key is required."])
    company = buyer.company
    # Scoped to the company: a key can only ever find this company's own orders. The first delivery's
    # order carries the key itself, the next ones the key and « -p2 », « -p3 »…
    idempotency_key = f"reseller-{company.pk}-{idempotency_key}"
    now = timezone.now()

    try:
        return _place_draft(
            buyer=buyer,
            reference=reference,
            idempotency_key=idempotency_key,
            language=language,
            customer_note=customer_note,
            now=now,
        )
    except _TwinWon:
        # PostgreSQL: a simultaneous twin submission committed first; ours rolled back entirely.
        return _orders_with_key(idempotency_key)


class _TwinWon(Exception):
    pass


def _place_draft(
    *, buyer: Buyer, reference: str, idempotency_key: str, language: str, customer_note: str, now: datetime
) -> list[Order]:
    company = buyer.company
    today = timezone.localdate(now)
    with transaction.atomic():
        existing = _orders_with_key(idempotency_key)
        if existing:
            return existing
        # The draft's row lock: a colleague ordering the same draft at the same moment waits, then
        # finds it empty.
        draft = DraftOrder.objects.select_for_update().filter(company=company).first()
        items = _draft_items(draft)
        if not items:
            raise EmptyCart()
        validate_items(items=items, maximum=MAX_CELL_QUANTITY)
        with translation.override(language):
            priced = price_items(items=items, customer=buyer.user, shipping=None, space=RESELLER)
        problems = draft_problems(
            lines=[RuleLine(variant=item.variant, quantity=item.quantity) for item in items],
            subtotal_net=priced.subtotal.net,
            price_list=price_list_for(company=company),
            is_first_order=is_first_reseller_order(company_id=company.pk),
        )
        if problems:
            raise OrderRulesNotMet(problems)
        groups: dict[Delivery, list[PricedLine]] = defaultdict(list)
        for line in priced.lines:
            groups[delivery_of(variant=line.variant, today=today)].append(line)
        deliveries = sorted(groups, key=lambda delivery: (delivery.is_preorder, delivery.ships_from or today))
        orders = []
        for position, delivery in enumerate(deliveries, start=1):
            key = idempotency_key if position == 1 else f"{idempotency_key}-p{position}"
            orders.append(
                _place_delivery(
                    buyer=buyer,
                    lines=groups[delivery],
                    delivery=delivery,
                    currency=priced.currency,
                    reference=reference,
                    idempotency_key=key,
                    language=language,
                    customer_note=customer_note,
                    now=now,
                )
            )
        DraftOrderLine.objects.filter(draft=draft).delete()
    return orders


def _orders_with_key(idempotency_key: str) -> list[Order]:
    return list(
        Order.objects.filter(
            Q(idempotency_key=idempotency_key) | Q(idempotency_key__startswith=f"{idempotency_key}-p")
        ).order_by("pk")
    )


def _place_delivery(
    *,
    buyer: Buyer,
    lines: list[PricedLine],
    delivery: Delivery,
    currency: str,
    reference: str,
    idempotency_key: str,
    language: str,
    customer_note: str,
    now: datetime,
) -> Order:
    company = buyer.company
    subtotal = sum((line.total for line in lines), TaxedMoney.zero(currency))
    address = PostalAddress(
        first_name=buyer.user.first_name,
        last_name=buyer.user.last_name,
        company=company.legal_name,
        line1=company.line1,
        line2=company.line2,
        postcode=company.postcode,
        city=company.city,
        country=company.country_code,
    ).to_dict()
    on_terms = is_on_terms(terms=company.payment_terms)
    # Terms run from the goods' delivery: a pre-order's from the start of its window.
    terms_start = delivery.ships_from or timezone.localdate(now)
    status = OrderStatus.CONFIRMED if on_terms else OrderStatus.PLACED  # prepayment awaits its transfer
    order = Order(
        status=status,
        channel=Channel.RESELLER,
        company=company,
        customer=buyer.user,
        email=buyer.user.email,
        language=language,
        shipping_address=address,
        billing_address=address,
        shipping_method_name=RESELLER_SHIPPING_NAME,
        shipping_carrier="",
        shipping_gross=Decimal("0"),
        shipping_net=Decimal("0"),
        shipping_vat_rate=Decimal("0"),
        subtotal_gross=subtotal.gross.amount,
        subtotal_net=subtotal.net.amount,
        total_gross=subtotal.gross.amount,
        total_net=subtotal.net.amount,
        currency=currency,
        prices_include_tax=False,
        customer_note=customer_note.strip(),
        purchase_order_reference=reference,
        payment_terms=company.payment_terms,
        payment_due_date=payment_due_date(terms=company.payment_terms, placed_on=terms_start),
        payment_method=ON_TERMS if on_terms else BANK_TRANSFER,
        tax_regime=company.tax_regime,
        buyer_company_number=company.siren,
        buyer_vat_number=company.vat_number,
        preorder_ships_from=delivery.ships_from,
        preorder_ships_until=delivery.ships_until,
        holds_stock=not delivery.is_preorder,
        idempotency_key=idempotency_key,
        terms_accepted_at=now,
    )
    placed = insert_order(order=order, now=now)
    if placed is not order:
        raise InvalidCheckout(
            ["A twin submission placed these orders first."]
        )  # rolls back: retry finds them
    if not delivery.is_preorder:
        try:
            reserve_stock(
                lines=[StockLine(variant_id=line.variant.pk, quantity=line.quantity) for line in lines]
            )
        except InsufficientStock as shortage:
            raise OutOfStock(shortage.shortages) from shortage
    create_order_lines(
        order=order,
        priced=PricedCheckout(
            lines=lines,
            subtotal=subtotal,
            shipping=None,
            total=subtotal,
            prices_include_tax=False,
            currency=currency,
        ),
    )
    record_event(
        order=order,
        kind="placed",
        actor=buyer.user,
        actor_label="reseller",
        to_status=status,
        data={
            "payment_terms": company.payment_terms,
            "purchase_order_reference": reference,
            "preorder": delivery.is_preorder,
        },
    )
    email_after_commit(order=order, kind="confirmation")
    return order


def _draft_items(draft: DraftOrder | None) -> list[CheckoutItem]:
    if draft is None:
        return []
    lines = DraftOrderLine.objects.filter(draft=draft).select_related(
        "variant__product", "variant__size", "variant__colour", "variant__fit"
    )
    return [CheckoutItem(variant=line.variant, quantity=line.quantity) for line in lines.order_by("pk")]
