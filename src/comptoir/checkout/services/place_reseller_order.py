"""Turn a reseller company's draft into an order: wholesale prices HT, its VAT regime, its payment terms.

The same steps as the boutique's ``place_order`` (its helpers are shared): the draft read afresh under
its row lock, priced again through the company's ``WholesalePolicy``, stock reserved, lines frozen,
the draft emptied, the confirmation email queued after commit. The same ``idempotency_key`` always
returns the same order, so a double click on « Commander » places one order.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from comptoir.core.addresses import PostalAddress
from comptoir.core.money import TaxedMoney
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine
from comptoir.orders.models import Channel, Order, OrderStatus
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
from ..pricing import CheckoutItem, price_items, validate_items
from .place_order import IDEMPOTENCY_KEY_MAX_LENGTH, ShippingChoice, create_order_lines, insert_order

# How a reseller pays: on terms the order is placed without payment and becomes due; prepayment is a
# bank transfer awaited before the goods leave.
ON_TERMS = "on_terms"
BANK_TRANSFER = "bank_transfer"
PURCHASE_ORDER_REFERENCE_MAX_LENGTH = 64
CLIENT_KEY_MAX_LENGTH = IDEMPOTENCY_KEY_MAX_LENGTH - 24  # room for the company's prefix

# Wholesale parcels leave with the brand's carrier; the transport is agreed with the company, not
# charged at checkout.
RESELLER_SHIPPING_NAME = "Livraison professionnelle"


def place_reseller_order(
    *,
    buyer: Buyer,
    purchase_order_reference: str,
    idempotency_key: str,
    language: str,
    customer_note: str = "",
) -> Order:
    """Place the company's draft as an order, or raise a ``CheckoutError`` having changed nothing."""
    reference = purchase_order_reference.strip()
    if not reference:
        raise MissingPurchaseOrderReference()
    if len(reference) > PURCHASE_ORDER_REFERENCE_MAX_LENGTH:
        raise InvalidCheckout(["purchase_order_reference is too long."])
    if not idempotency_key or len(idempotency_key) > CLIENT_KEY_MAX_LENGTH:
        raise InvalidCheckout(["idempotency_key is required."])
    company = buyer.company
    # Scoped to the company: a key can only ever find this company's own order.
    idempotency_key = f"reseller-{company.pk}-{idempotency_key}"
    now = timezone.now()

    with transaction.atomic():
        existing = Order.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
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
        shipping = ShippingChoice(
            name=RESELLER_SHIPPING_NAME,
            carrier="",
            price=TaxedMoney.zero(priced.currency),
            vat_rate=Decimal("0"),
        )
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
        order = Order(
            status=OrderStatus.PLACED,
            channel=Channel.RESELLER,
            company=company,
            customer=buyer.user,
            email=buyer.user.email,
            language=language,
            shipping_address=address,
            billing_address=address,
            shipping_method_name=shipping.name,
            shipping_carrier=shipping.carrier,
            shipping_gross=Decimal("0"),
            shipping_net=Decimal("0"),
            shipping_vat_rate=shipping.vat_rate,
            subtotal_gross=priced.subtotal.gross.amount,
            subtotal_net=priced.subtotal.net.amount,
            total_gross=priced.total.gross.amount,
            total_net=priced.total.net.amount,
            currency=priced.currency,
            prices_include_tax=False,
            customer_note=customer_note.strip(),
            purchase_order_reference=reference,
            payment_terms=company.payment_terms,
            payment_due_date=payment_due_date(terms=company.payment_terms, placed_on=timezone.localdate(now)),
            payment_method=ON_TERMS if on_terms else BANK_TRANSFER,
            tax_regime=company.tax_regime,
            buyer_company_number=company.siren,
            buyer_vat_number=company.vat_number,
            idempotency_key=idempotency_key,
            terms_accepted_at=now,
        )
        placed = insert_order(order=order, now=now)
        if placed is not order:
            return placed
        try:
            reserve_stock(
                lines=[StockLine(variant_id=line.variant.pk, quantity=line.quantity) for line in priced.lines]
            )
        except InsufficientStock as shortage:
            raise OutOfStock(shortage.shortages) from shortage
        create_order_lines(order=order, priced=priced)
        record_event(
            order=order,
            kind="placed",
            actor=buyer.user,
            actor_label="reseller",
            to_status=OrderStatus.PLACED,
            data={"payment_terms": company.payment_terms, "purchase_order_reference": reference},
        )
        DraftOrderLine.objects.filter(draft=draft).delete()
        email_after_commit(order=order, kind="confirmation")
    return order


def _draft_items(draft: DraftOrder | None) -> list[CheckoutItem]:
    if draft is None:
        return []
    lines = DraftOrderLine.objects.filter(draft=draft).select_related(
        "variant__product", "variant__size", "variant__colour", "variant__fit"
    )
    return [CheckoutItem(variant=line.variant, quantity=line.quantity) for line in lines.order_by("pk")]
