"""Reads of the cart: every line re-checked against live stock and live prices, in a few queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Sum
from django.utils.translation import gettext as _

from comptoir.catalog.models import ProductImage, Variant
from comptoir.core.money import DEFAULT_CURRENCY, Money, TaxedMoney, format_money, total_by_rate
from comptoir.inventory.selectors import available_quantities
from comptoir.inventory.stock_lines import Shortage
from comptoir.pricing.policy import PriceQuote, policy_for

from .models import Cart, CartLine
from .rules import MAX_QUANTITY_PER_LINE
from .services.edit_cart import variant_label


@dataclass(frozen=True, slots=True)
class CartLineView:
    line_id: int
    variant: Variant
    quantity: int
    unit: TaxedMoney
    total: TaxedMoney
    displayed_unit: Money
    displayed_total: Money
    available: int
    image: ProductImage | None
    notices: list[str] = field(default_factory=list)
    blocks_checkout: bool = False
    quote: PriceQuote | None = None  # the policy's answer: a sale's reference price, if any

    @property
    def product(self) -> Any:
        return self.variant.product

    @property
    def max_quantity(self) -> int:
        return max(min(MAX_QUANTITY_PER_LINE, self.available), self.quantity)


@dataclass(frozen=True, slots=True)
class CartSummary:
    cart: Cart | None
    lines: list[CartLineView]
    subtotal: TaxedMoney
    prices_include_tax: bool
    item_count: int
    weight_grams: int

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def notices(self) -> list[str]:
        return [notice for line in self.lines for notice in line.notices]

    @property
    def can_checkout(self) -> bool:
        return bool(self.lines) and not any(line.blocks_checkout for line in self.lines)

    @property
    def displayed_subtotal(self) -> Money:
        return self.subtotal.gross if self.prices_include_tax else self.subtotal.net

    def shown_prices(self) -> dict[int, Decimal]:
        return {line.line_id: line.displayed_unit.amount for line in self.lines}


def cart_lines(cart: Cart) -> list[CartLine]:
    """The cart's lines with everything a page shows of them (product, options, first image)."""
    return list(
        CartLine.objects.filter(cart=cart)
        .select_related("variant__product", "variant__size", "variant__colour", "variant__fit")
        .prefetch_related(
            Prefetch(
                "variant__product__images",
                queryset=ProductImage.objects.order_by("position", "id"),
                to_attr="ordered_images",
            )
        )
        .order_by("added_at", "pk")
    )


def _image_for(variant: Variant) -> ProductImage | None:
    images: list[ProductImage] = getattr(variant.product, "ordered_images", [])
    in_colour = [image for image in images if image.colour_id and image.colour_id == variant.colour_id]
    candidates = in_colour or images
    return candidates[0] if candidates else None


def cart_summary(*, cart: Cart | None, customer: Any) -> CartSummary:
    """Every line priced by the customer's policy and checked against what is available now."""
    policy = policy_for(customer=customer)
    lines = cart_lines(cart) if cart is not None else []
    policy.prepare(products=[line.variant.product for line in lines])
    available = available_quantities(variant_ids=[line.variant_id for line in lines])
    views = []
    subtotal = TaxedMoney.zero(DEFAULT_CURRENCY)
    for line in lines:
        variant = line.variant
        quote = policy.quote(variant=variant, quantity=line.quantity)
        label = variant_label(variant)
        notices: list[str] = []
        blocks = False
        if not variant.is_sellable:
            notices.append(_("%(item)s n'est plus en vente : retirez-le pour commander.") % {"item": label})
            blocks = True
        elif line.quantity > available[variant.pk]:
            shortage = Shortage(
                variant_id=variant.pk, label=label, requested=line.quantity, available=available[variant.pk]
            )
            notices.append(shortage.message)
            blocks = True
        if line.seen_unit_price is not None and line.seen_unit_price != quote.displayed_unit.amount:
            notices.append(
                _("Le prix de %(item)s a changé : %(old)s → %(new)s.")
                % {
                    "item": label,
                    "old": format_money(Money(line.seen_unit_price, quote.unit.currency)),
                    "new": format_money(quote.displayed_unit),
                }
            )
        views.append(
            CartLineView(
                line_id=line.pk,
                variant=variant,
                quantity=line.quantity,
                unit=quote.unit,
                total=quote.total,
                displayed_unit=quote.displayed_unit,
                displayed_total=quote.displayed_total,
                available=available[variant.pk],
                image=_image_for(variant),
                quote=quote,
                notices=notices,
                blocks_checkout=blocks,
            )
        )
        subtotal = subtotal + quote.total
    if not policy.prices_include_tax and views:  # priced HT: the VAT rounded once per rate (core.money)
        subtotal = total_by_rate(
            ((view.total.net.amount, view.quote.vat_rate) for view in views if view.quote is not None),
            subtotal.currency,
        )
    return CartSummary(
        cart=cart,
        lines=views,
        subtotal=subtotal,
        prices_include_tax=policy.prices_include_tax,
        item_count=sum(line.quantity for line in lines),
        weight_grams=sum(line.variant.weight_grams * line.quantity for line in lines),
    )


def cart_item_count(*, cart_id: Any = None, customer: Any = None) -> int:
    """Pieces in the cart, for the header's mini-cart: one small query, none for a guest without a cart."""
    if customer is not None and getattr(customer, "is_authenticated", False):
        lines = CartLine.objects.filter(cart__customer=customer)
    elif cart_id is not None and str(cart_id).isdecimal():
        lines = CartLine.objects.filter(cart_id=int(cart_id), cart__customer__isnull=True)
    else:
        return 0
    return lines.aggregate(count=Sum("quantity"))["count"] or 0
