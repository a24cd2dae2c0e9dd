"""Reads for the checkout page: the summary the customer sees is priced exactly as the order will be."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from comptoir.core.money import Money, TaxedMoney
from comptoir.orders.selectors import is_first_reseller_order
from comptoir.payments.gift_cards import GiftCardRefused
from comptoir.payments.services.pay_with_gift_card import usable_gift_card
from comptoir.promotions.rules import AppliedDiscount
from comptoir.resellers.models import Buyer
from comptoir.resellers.rules import RuleLine, draft_problems
from comptoir.resellers.selectors import DraftSummary, draft_summary

from .errors import InvalidDiscount
from .pricing import PricedLine, price_items
from .services.place_order import cart_items, shipping_choice


@dataclass(frozen=True, slots=True)
class CheckoutPreview:
    lines: list[PricedLine]
    subtotal: TaxedMoney
    shipping: TaxedMoney | None
    total: TaxedMoney
    prices_include_tax: bool
    shipping_option: Any  # the option chosen so far, or None
    discount: AppliedDiscount | None = None
    discount_error: str = ""  # why the code typed does not apply
    gift_card_amount: Money | None = None  # what the gift card typed would pay (all it holds, at most)
    gift_card_error: str = ""

    @property
    def amount_due(self) -> Money:
        """What is left to pay by the chosen means once the gift card has paid its part."""
        return self.total.gross - self.gift_card_amount if self.gift_card_amount else self.total.gross

    @property
    def free_shipping(self) -> bool:
        return self.discount is not None and self.discount.free_shipping


def checkout_preview(
    *,
    cart: Any,
    customer: Any,
    shipping_option: Any = None,
    discount_code: str = "",
    email: str = "",
    gift_card_code: str = "",
) -> CheckoutPreview:
    """Lines, subtotal, discount, shipping and total as ``place_order`` prices them.

    Only for display: ``place_order`` prices the cart again inside its transaction. A code that
    does not apply leaves the prices without it and says why.
    """
    shipping = shipping_choice(shipping_option).price if shipping_option is not None else None
    items = cart_items(cart)
    error = ""
    try:
        priced = price_items(
            items=items, customer=customer, shipping=shipping, discount_code=discount_code, email=email
        )
    except InvalidDiscount as refused:
        error = " ".join(refused.messages)
        priced = price_items(items=items, customer=customer, shipping=shipping)
    gift_card_amount, gift_card_error = None, ""
    if gift_card_code.strip():
        # A means of payment: it comes off what is paid, never off the prices or their VAT.
        try:
            card = usable_gift_card(code=gift_card_code, currency=priced.currency)
        except GiftCardRefused as refused:
            gift_card_error = " ".join(refused.messages)
        else:
            gift_card_amount = min(card.money_balance, priced.total.gross)
    return CheckoutPreview(
        gift_card_amount=gift_card_amount,
        gift_card_error=gift_card_error,
        lines=priced.lines,
        subtotal=priced.subtotal,
        shipping=priced.shipping,
        total=priced.total,
        prices_include_tax=priced.prices_include_tax,
        shipping_option=shipping_option,
        discount=priced.discount,
        discount_error=error,
    )


@dataclass(frozen=True, slots=True)
class ResellerDraft:
    """The company's draft priced by its policy, and every ordering rule it does not meet yet."""

    summary: DraftSummary
    problems: list[str]
    is_first_order: bool


def reseller_draft(*, buyer: Buyer, policy: Any) -> ResellerDraft:
    summary = draft_summary(buyer=buyer, policy=policy)
    is_first_order = is_first_reseller_order(company_id=buyer.company_id)
    problems = draft_problems(
        lines=[RuleLine(variant=item.line.variant, quantity=item.line.quantity) for item in summary.lines],
        subtotal_net=summary.total.net,
        price_list=policy.price_list,
        is_first_order=is_first_order,
    )
    return ResellerDraft(
        summary=summary, problems=problems if summary.lines else [], is_first_order=is_first_order
    )
