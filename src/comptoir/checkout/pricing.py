"""What the cart costs, computed by the server from the customer's pricing policy, never posted.

One computation for the checkout page's summary (``checkout.selectors.checkout_preview``) and for
the order ``place_order`` freezes, so the two can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from comptoir.cart.rules import MAX_QUANTITY_PER_LINE
from comptoir.catalog.models import Variant
from comptoir.core.money import DEFAULT_CURRENCY, TaxedMoney, total_by_rate
from comptoir.pricing.policy import BOUTIQUE, RESELLER, PricingPolicy, policy_for
from comptoir.promotions.rules import AppliedDiscount, DiscountRefused, apply_code
from comptoir.resellers.selectors import wholesale_policy_for

from .errors import InvalidDiscount, InvalidQuantity, ItemsUnavailable

MAX_RETAIL_QUANTITY_PER_LINE = MAX_QUANTITY_PER_LINE  # the cart's limit, enforced again here


@dataclass(frozen=True, slots=True)
class CheckoutItem:
    """One line of the cart as the checkout reads it: a variant and how many."""

    variant: Variant
    quantity: Any  # checked by ``validate_items``: a whole number from 1 to the maximum


@dataclass(frozen=True, slots=True)
class PricedLine:
    variant: Variant
    product_name: str
    options_label: str
    sku: str
    quantity: int
    unit: TaxedMoney
    total: TaxedMoney
    vat_rate: Decimal


@dataclass(frozen=True, slots=True)
class PricedCheckout:
    lines: list[PricedLine]
    subtotal: TaxedMoney
    shipping: TaxedMoney | None  # None until a shipping option is chosen
    total: TaxedMoney
    prices_include_tax: bool
    currency: str
    discount: AppliedDiscount | None = None  # the code applied: its reduction, or free shipping

    @property
    def reduction(self) -> TaxedMoney:
        return self.discount.reduction if self.discount else TaxedMoney.zero(self.currency)


def item_label(variant: Variant) -> str:
    options = variant.options_label
    return f"{variant.product.name} ({options})" if options else str(variant.product.name)


def validate_items(*, items: Sequence[CheckoutItem], maximum: int = MAX_RETAIL_QUANTITY_PER_LINE) -> None:
    """Whole quantities from 1 to the maximum, products still on sale: every problem at once.

    ``maximum``: a household's limit in the boutique; a shop's size run goes much higher.
    """
    problems = []
    for item in items:
        quantity = item.quantity
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            problems.append(
                _("%(item)s : la quantité doit être un nombre entier positif.")
                % {"item": item_label(item.variant)}
            )
        elif quantity > maximum:
            problems.append(
                _("%(item)s : %(maximum)d pièces au plus par commande.")
                % {"item": item_label(item.variant), "maximum": maximum}
            )
    if problems:
        raise InvalidQuantity(problems)
    withdrawn = [
        _("%(item)s n'est plus en vente.") % {"item": item_label(item.variant)}
        for item in items
        if not item.variant.is_sellable
    ]
    if withdrawn:
        raise ItemsUnavailable(withdrawn)


def price_items(
    *,
    items: Sequence[CheckoutItem],
    customer: Any,
    shipping: TaxedMoney | None,
    discount_code: str = "",
    email: str = "",
    lock_discount: bool = False,
    space: str = BOUTIQUE,
) -> PricedCheckout:
    """Quote every line through the customer's policy in ``space``; subtotal, discount, shipping, total.

    A ``discount_code`` that does not apply raises ``InvalidDiscount`` with the reason. Volume tiers
    (wholesale) count all the pieces of a product in the order, whatever their size or colour.
    """
    policy: PricingPolicy = (
        wholesale_policy_for(user=customer) if space == RESELLER else policy_for(customer=customer)
    )
    policy.prepare(products=[item.variant.product for item in items])  # sales running now, read once
    policy.load_prices(variant_ids=[item.variant.pk for item in items])
    pieces_per_product: dict[int, int] = defaultdict(int)
    for item in items:
        pieces_per_product[item.variant.product_id] += item.quantity
    lines = []
    for item in items:
        quote = policy.quote(
            variant=item.variant,
            quantity=item.quantity,
            tier_quantity=pieces_per_product[item.variant.product_id],
        )
        lines.append(
            PricedLine(
                variant=item.variant,
                product_name=str(item.variant.product.name),
                options_label=item.variant.options_label,
                sku=item.variant.sku,
                quantity=item.quantity,
                unit=quote.unit,
                total=quote.total,
                vat_rate=quote.vat_rate,
            )
        )
    currency = lines[0].unit.currency if lines else (shipping.currency if shipping else DEFAULT_CURRENCY)
    subtotal = TaxedMoney.zero(currency)
    for line in lines:
        subtotal = subtotal + line.total
    if not policy.prices_include_tax:  # priced HT: the VAT rounded once per rate (core.money)
        subtotal = total_by_rate(((line.total.net.amount, line.vat_rate) for line in lines), currency)
    discount = None
    if discount_code.strip():
        try:
            discount = apply_code(
                code_text=discount_code,
                lines=lines,
                prices_include_tax=policy.prices_include_tax,
                email=email,
                lock=lock_discount,
            )
        except DiscountRefused as refused:
            raise InvalidDiscount(refused.messages) from refused
        if discount.free_shipping and shipping is not None:
            shipping = TaxedMoney.zero(currency)
    total = subtotal - discount.reduction if discount else subtotal
    if shipping is not None:
        total = total + shipping
    return PricedCheckout(
        lines=lines,
        subtotal=subtotal,
        shipping=shipping,
        total=total,
        prices_include_tax=policy.prices_include_tax,
        currency=currency,
        discount=discount,
    )
