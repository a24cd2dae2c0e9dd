"""Turn a reseller company's draft into an order: wholesale prices HT, its VAT regime, its payment terms.

The same steps as the boutique's ``place_order`` (its helpers are shared): the draft read afresh under
its row lock, priced again through the company's ``WholesalePolicy``, stock reserved, lines frozen,
the draft emptied, the confirmation email queued after commit. The same ``idempotency_key`` always
returns the same order, so a double click on « Commander » places one order.

``place_reseller_lines`` is the same placement for an order sent whole (the JSON API): its lines are
resolved as the quick order resolves them and its packs expanded as the grid expands them, then the
same ``_place_items`` prices, checks the rules, reserves and freezes them; the draft is not touched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.catalog.models import Colour, Variant
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import total_by_rate
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine
from comptoir.orders.models import PAYMENT_ON_TERMS, Channel, Order, OrderStatus
from comptoir.orders.selectors import is_first_reseller_order
from comptoir.orders.services.transition import record_event
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from comptoir.pricing.policy import RESELLER
from comptoir.pricing.wholesale import price_list_for
from comptoir.resellers.models import Buyer, DraftOrder, DraftOrderLine, Prepack
from comptoir.resellers.rules import RuleLine, RuleProblem, draft_rule_problems
from comptoir.resellers.services.draft_orders import MAX_CELL_QUANTITY, expand_packs
from comptoir.resellers.services.quick_order import CodedLine, resolve_coded_lines
from comptoir.resellers.terms import is_on_terms, payment_due_date
from comptoir.workflow.emails import email_after_commit

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
BANK_TRANSFER = BankTransferProvider.code
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
    reference, scoped_key = _checked_request(
        buyer=buyer, purchase_order_reference=purchase_order_reference, idempotency_key=idempotency_key
    )
    try:
        with transaction.atomic():
            existing = _orders_with_key(scoped_key)
            if existing:
                return existing
            # The draft's row lock: a colleague ordering the same draft at the same moment waits, then
            # finds it empty.
            draft = DraftOrder.objects.select_for_update().filter(company=buyer.company).first()
            orders = _place_items(
                buyer=buyer,
                items=_draft_items(draft),
                reference=reference,
                idempotency_key=scoped_key,
                language=language,
                customer_note=customer_note,
            )
            DraftOrderLine.objects.filter(draft=draft).delete()
        return orders
    except _TwinWon:
        # PostgreSQL: a simultaneous twin submission committed first; ours rolled back entirely.
        return _orders_with_key(scoped_key)


@dataclass(frozen=True, slots=True)
class PackRequest:
    """Packs of a prepack in one colour (``colour_slug`` None: a product without colours), as on the grid."""

    number: int  # its place in what the buyer sent, for the messages
    prepack_id: int
    colour_slug: str | None
    packs: int


def place_reseller_lines(
    *,
    buyer: Buyer,
    lines: Sequence[CodedLine],
    packs: Sequence[PackRequest] = (),
    purchase_order_reference: str,
    idempotency_key: str,
    language: str,
    customer_note: str = "",
) -> list[Order]:
    """Place an order sent whole (the API): lines by SKU or EAN-13 and prepacks, without the draft.

    The same rules as the grid and the draft: codes resolved as the quick order resolves them, packs
    expanded as the grid expands them, then the minimums, pack multiples, stock and pre-order
    deliveries of ``place_reseller_order``. Every problem is raised at once (``OrderRulesNotMet``,
    with ``problems`` naming the line and the rule); nothing is written. The company's draft is left
    as it is. The same ``idempotency_key`` returns the orders it placed first.
    """
    reference, scoped_key = _checked_request(
        buyer=buyer, purchase_order_reference=purchase_order_reference, idempotency_key=idempotency_key
    )
    try:
        with transaction.atomic():
            existing = _orders_with_key(scoped_key)
            if existing:
                return existing
            return _place_items(
                buyer=buyer,
                items=_requested_items(lines=lines, packs=packs),
                reference=reference,
                idempotency_key=scoped_key,
                language=language,
                customer_note=customer_note,
            )
    except _TwinWon:
        return _orders_with_key(scoped_key)


def _requested_items(*, lines: Sequence[CodedLine], packs: Sequence[PackRequest]) -> list[CheckoutItem]:
    """The pieces asked for, per variant: lines resolved like the quick order's, packs expanded like the
    grid's. Every problem at once, each naming its line or pack (``OrderRulesNotMet``)."""
    if not lines and not packs:
        raise EmptyCart()
    resolved = resolve_coded_lines(lines=lines)
    problems: list[RuleProblem] = list(resolved.problems)
    pieces = dict(resolved.pieces)
    variants = dict(resolved.variants)
    prepacks = {
        prepack.pk: prepack
        for prepack in Prepack.objects.filter(pk__in={pack.prepack_id for pack in packs}).select_related(
            "product"
        )
    }
    colours = dict(
        Colour.objects.filter(slug__in={pack.colour_slug for pack in packs if pack.colour_slug}).values_list(
            "slug", "pk"
        )
    )
    product_variants: dict[int, dict[int, Variant]] = {}
    for pack in packs:
        prepack = prepacks.get(pack.prepack_id)
        if prepack is None or not prepack.is_active or not prepack.product.is_sellable:
            problems.append(
                RuleProblem(
                    rule="unknown_prepack",
                    message=_("Assortiment %(number)d : cet assortiment n'est pas proposé.")
                    % {"number": pack.number},
                    pack=pack.number,
                )
            )
            continue
        colour_id = colours.get(pack.colour_slug) if pack.colour_slug else None
        if pack.colour_slug and colour_id is None:
            problems.append(
                RuleProblem(
                    rule="unknown_colour",
                    message=_("Assortiment %(number)d : couleur « %(colour)s » inconnue.")
                    % {"number": pack.number, "colour": pack.colour_slug},
                    pack=pack.number,
                )
            )
            continue
        if prepack.product_id not in product_variants:
            product_variants[prepack.product_id] = {
                variant.pk: variant
                for variant in Variant.objects.filter(
                    product_id=prepack.product_id, is_active=True
                ).select_related("product", "size", "colour")
            }
        added, pack_problems = expand_packs(
            product=prepack.product,
            variants=product_variants[prepack.product_id],
            packs={(prepack.pk, colour_id): pack.packs},
        )
        problems.extend(replace(problem, pack=pack.number) for problem in pack_problems)
        for variant_id, count in added.items():
            pieces[variant_id] = pieces.get(variant_id, 0) + count
            variants[variant_id] = product_variants[prepack.product_id][variant_id]
    if problems:
        raise OrderRulesNotMet([problem.message for problem in problems], problems=problems)
    return [
        CheckoutItem(variant=variants[variant_id], quantity=quantity)
        for variant_id, quantity in sorted(pieces.items())
    ]


def _checked_request(*, buyer: Buyer, purchase_order_reference: str, idempotency_key: str) -> tuple[str, str]:
    """The reference, stripped, and the key scoped to the company; or the ``CheckoutError`` saying why."""
    reference = purchase_order_reference.strip()
    if not reference:
        raise MissingPurchaseOrderReference()
    if len(reference) > PURCHASE_ORDER_REFERENCE_MAX_LENGTH:
        raise InvalidCheckout(["purchase_order_reference is too long."])
    if not idempotency_key or len(idempotency_key) > CLIENT_KEY_MAX_LENGTH:
        raise InvalidCheckout(["idempotency_key is required."])
    # Scoped to the company: a key can only ever find this company's own orders. The first delivery's
    # order carries the key itself, the next ones the key and « -p2 », « -p3 »…
    return reference, f"reseller-{buyer.company_id}-{idempotency_key}"


class _TwinWon(Exception):
    pass


def _place_items(
    *,
    buyer: Buyer,
    items: list[CheckoutItem],
    reference: str,
    idempotency_key: str,
    language: str,
    customer_note: str,
) -> list[Order]:
    """Price, check the rules, reserve and freeze ``items``: one order per delivery. Inside a transaction."""
    company = buyer.company
    now = timezone.now()
    today = timezone.localdate(now)
    if not items:
        raise EmptyCart()
    validate_items(items=items, maximum=MAX_CELL_QUANTITY)
    with translation.override(language):
        priced = price_items(items=items, customer=buyer.user, shipping=None, space=RESELLER)
    problems = draft_rule_problems(
        lines=[RuleLine(variant=item.variant, quantity=item.quantity) for item in items],
        subtotal_net=priced.subtotal.net,
        price_list=price_list_for(company=company),
        is_first_order=is_first_reseller_order(company_id=company.pk),
    )
    if problems:
        raise OrderRulesNotMet([problem.message for problem in problems], problems=problems)
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
    # The VAT of the order is rounded once per rate (core.money), as its invoice will state it.
    subtotal = total_by_rate(((line.total.net.amount, line.vat_rate) for line in lines), currency)
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
        raise _TwinWon()  # rolls back everything of ours; the caller returns the twin's orders
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
