"""Turn a cart into an order: price it again, hold its stock, freeze everything, empty the cart.

One transaction, no network call inside it: the payment provider is called after commit (payments'
``start_payment``), the confirmation email is queued after commit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from comptoir.accounts.models import User
from comptoir.catalog.models import STANDARD_VAT_RATE
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import TaxedMoney
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine
from comptoir.orders.models import Order, OrderLine, OrderStatus
from comptoir.orders.numbers import new_order_number
from comptoir.orders.services.transition import record_event
from comptoir.payments.gift_cards import GiftCardRefused
from comptoir.promotions.rules import DiscountRefused
from comptoir.promotions.services.redeem_code import redeem_code
from comptoir.workflow.emails import email_after_commit
from comptoir.workflow.services.pay_order import pay_with_gift_card

from ..errors import (
    EmptyCart,
    InvalidCheckout,
    InvalidDiscount,
    InvalidGiftCard,
    OutOfStock,
    TermsNotAccepted,
)
from ..pricing import CheckoutItem, PricedCheckout, price_items, validate_items

logger = logging.getLogger(__name__)

IDEMPOTENCY_KEY_MAX_LENGTH = 64
NUMBER_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class ShippingChoice:
    """What the order freezes of the shipping option the customer picked."""

    name: str
    carrier: str
    price: TaxedMoney
    vat_rate: Decimal


def place_order(
    *,
    cart: Any,
    customer: User | None,
    email: str,
    shipping_address: PostalAddress,
    billing_address: PostalAddress | None,
    shipping_option: Any,
    payment_method: str,
    idempotency_key: str,
    language: str,
    terms_accepted: bool,
    pickup_point: dict[str, str] | None = None,
    discount_code: str = "",
    customer_note: str = "",
    gift_card_code: str = "",
) -> Order:
    """Place the cart as an order awaiting payment, or raise a ``CheckoutError`` having changed nothing.

    The same ``idempotency_key`` (the checkout form's hidden field) always yields the same order: a
    double click or a resubmitted form finds the first order, with no second reservation.
    """
    if not terms_accepted:
        raise TermsNotAccepted()
    if not idempotency_key or len(idempotency_key) > IDEMPOTENCY_KEY_MAX_LENGTH or not payment_method:
        raise InvalidCheckout(["idempotency_key and payment_method are required."])
    buyer = customer if customer is not None and customer.is_authenticated else None
    shipping = shipping_choice(shipping_option)
    now = timezone.now()

    with transaction.atomic():
        # SQLite: this transaction took the write lock at BEGIN (IMMEDIATE), so a twin submission
        # waits here and then finds our order. PostgreSQL: see insert_order for the race.
        existing = Order.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
        items = cart_items(cart)
        if not items:
            raise EmptyCart()
        validate_items(items=items)
        with translation.override(language):
            # Product and option names are frozen in the customer's language.
            # The code's row is locked from here to commit: its uses are counted against this order.
            priced = price_items(
                items=items,
                customer=buyer,
                shipping=shipping.price,
                discount_code=discount_code,
                email=email,
                lock_discount=True,
            )

        order = Order(
            status=OrderStatus.PLACED,
            customer=buyer,
            email=email,
            language=language,
            shipping_address=shipping_address.to_dict(),
            billing_address=(billing_address or shipping_address).to_dict(),
            shipping_method_name=shipping.name,
            shipping_carrier=shipping.carrier,
            pickup_point=pickup_point or None,
            shipping_gross=priced.shipping.gross.amount if priced.shipping else shipping.price.gross.amount,
            shipping_net=priced.shipping.net.amount if priced.shipping else shipping.price.net.amount,
            shipping_vat_rate=shipping.vat_rate,
            subtotal_gross=priced.subtotal.gross.amount,
            subtotal_net=priced.subtotal.net.amount,
            discount_code=priced.discount.code.code if priced.discount else "",
            discount_gross=priced.reduction.gross.amount,
            discount_net=priced.reduction.net.amount,
            customer_note=customer_note.strip(),
            total_gross=priced.total.gross.amount,
            total_net=priced.total.net.amount,
            currency=priced.currency,
            prices_include_tax=priced.prices_include_tax,
            payment_method=payment_method,
            idempotency_key=idempotency_key,
            terms_accepted_at=now,
        )
        placed = insert_order(order=order, now=now)
        if placed is not order:
            return placed  # the twin submission won the race: its order, nothing reserved here

        create_order_lines(order=order, priced=priced)
        if priced.discount is not None:
            try:
                redeem_code(
                    code=priced.discount.code,
                    order=order,
                    email=email,
                    customer=buyer,
                    amount_gross=priced.reduction.gross.amount,
                )
            except DiscountRefused as refused:  # rolled back with the order and its reservation
                raise InvalidDiscount(refused.messages) from refused
        record_event(
            order=order,
            kind="placed",
            actor=buyer,
            actor_label="customer",
            to_status=OrderStatus.PLACED,
            data={"payment_method": payment_method, "cart": getattr(cart, "pk", None)},
        )
        empty_cart(cart)
        # The stock rows stay locked from these UPDATEs to the commit: the order's own rows are
        # written before, so a busy size waits for little more than the reservation and the commit.
        # Locks in the same order as ever (the discount code's, the stock's, then a gift card's).
        try:
            reserve_stock(
                lines=[StockLine(variant_id=line.variant.pk, quantity=line.quantity) for line in priced.lines]
            )
        except InsufficientStock as shortage:
            # Raised inside the atomic block: the order, its lines and the emptied cart roll back.
            raise OutOfStock(shortage.shortages) from shortage
        if gift_card_code.strip():
            # Paid from the card under its row lock; the whole total paid makes the order paid now.
            try:
                pay_with_gift_card(code=gift_card_code, order=order, actor=buyer)
            except GiftCardRefused as refused:  # rolled back with the order and its reservation
                raise InvalidGiftCard(refused.messages) from refused
            order.refresh_from_db()
        email_after_commit(order=order, kind="confirmation")
    return order


def insert_order(*, order: Order, now: Any) -> Order:
    """Insert the order, claiming its idempotency key; returns the existing order if a twin won.

    PostgreSQL: two simultaneous submissions both miss the lookup above; the second INSERT waits
    on the unique index until the first commits, then fails: in its savepoint we roll back and
    return the first order. The order is inserted before any stock is reserved, so the loser holds
    nothing. A clash on the random order number (orders/numbers.py) just draws another.
    """
    for _attempt in range(NUMBER_ATTEMPTS):
        order.number = new_order_number(now=now)
        try:
            with transaction.atomic():
                order.save(force_insert=True)
        except IntegrityError:
            twin = Order.objects.filter(idempotency_key=order.idempotency_key).first()
            if twin is not None:
                return twin
            if Order.objects.filter(number=order.number).exists():
                order.pk = None
                continue
            raise
        return order
    raise RuntimeError(f"No free order number after {NUMBER_ATTEMPTS} draws: widen orders/numbers.py.")


def create_order_lines(*, order: Order, priced: PricedCheckout) -> None:
    OrderLine.objects.bulk_create(
        [
            OrderLine(
                order=order,
                variant=line.variant,
                product_name=line.product_name,
                options_label=line.options_label,
                sku=line.sku,
                quantity=line.quantity,
                unit_gross=line.unit.gross.amount,
                unit_net=line.unit.net.amount,
                vat_rate=line.vat_rate,
                total_gross=line.total.gross.amount,
                total_net=line.total.net.amount,
            )
            for line in priced.lines
        ]
    )


# --- The cart and the shipping option, as the cart and shipping apps hand them over ---------------------
# The only three places that know their shape: cart lines with ``variant`` and ``quantity``; a priced
# option with ``method`` (``name``, ``carrier``), ``price`` (TaxedMoney) and ``vat_rate``.


def cart_items(cart: Any) -> Sequence[CheckoutItem]:
    """The cart's lines read afresh inside the transaction (never what a page showed earlier)."""
    lines = cart.lines.select_related(
        "variant__product", "variant__size", "variant__colour", "variant__fit"
    ).order_by("pk")
    return [CheckoutItem(variant=line.variant, quantity=line.quantity) for line in lines]


def empty_cart(cart: Any) -> None:
    cart.lines.all().delete()


def shipping_choice(option: Any) -> ShippingChoice:
    method = getattr(option, "method", option)
    price: TaxedMoney = option.price
    vat_rate = getattr(option, "vat_rate", None)
    if vat_rate is None:
        vat_rate = getattr(method, "vat_rate", STANDARD_VAT_RATE)
    return ShippingChoice(
        name=str(method.name),
        carrier=str(getattr(method, "carrier", "") or ""),
        price=TaxedMoney(net=price.net.quantized(), gross=price.gross.quantized()),
        vat_rate=Decimal(str(vat_rate)),
    )
