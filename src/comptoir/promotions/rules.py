"""Whether a discount code applies to a basket, and what it takes off: every rule, one message each.

Read by the checkout page to show the reduction, and again by ``place_order`` inside its
transaction with the code's row locked (``lock=True``), so the count and the per-customer limit
are checked against what concurrent orders have just used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from comptoir.catalog.models import CollectionProduct
from comptoir.core.money import Money, TaxedMoney, format_money, quantize

from .models import Channel, DiscountCode, DiscountKind, Redemption

HUNDRED = Decimal("100")


class DiscountRefused(Exception):
    def __init__(self, message: str) -> None:
        self.messages = [message]
        super().__init__(message)


@dataclass(frozen=True)
class AppliedDiscount:
    code: DiscountCode
    reduction: TaxedMoney  # taken off the goods; zero for free shipping
    free_shipping: bool


def normalise(code_text: str) -> str:
    return (code_text or "").strip().upper()


def apply_code(
    *,
    code_text: str,
    lines: Sequence[Any],
    prices_include_tax: bool,
    email: str = "",
    now: datetime | None = None,
    lock: bool = False,
) -> AppliedDiscount:
    """``lines`` have ``variant`` and ``total`` (TaxedMoney). Raises ``DiscountRefused`` with the reason."""
    now = now or timezone.now()
    codes: QuerySet[DiscountCode] = DiscountCode.objects.filter(code=normalise(code_text))
    code = (codes.select_for_update() if lock else codes).first()
    if code is None or not code.is_active:
        raise DiscountRefused(_("Ce code n'existe pas ou n'est plus valable."))
    if code.starts_at and now < code.starts_at:
        raise DiscountRefused(_("Ce code n'est pas encore valable."))
    if code.ends_at and now > code.ends_at:
        raise DiscountRefused(
            _("Ce code a expiré le %(date)s.")
            % {"date": formats.date_format(timezone.localtime(code.ends_at))}
        )
    channel = Channel.BOUTIQUE if prices_include_tax else Channel.RESELLERS
    if code.channel not in (channel, Channel.BOTH):
        raise DiscountRefused(_("Ce code n'est pas valable ici."))
    if code.max_uses is not None and code.uses_count >= code.max_uses:
        raise DiscountRefused(_("Ce code a déjà été utilisé autant de fois que prévu."))
    if code.max_uses_per_customer is not None and email:
        used = Redemption.objects.filter(code=code, email__iexact=email.strip()).count()
        if used >= code.max_uses_per_customer:
            raise DiscountRefused(_("Vous avez déjà utilisé ce code."))

    def shown(price: TaxedMoney) -> Money:
        return price.gross if prices_include_tax else price.net

    basket = sum((shown(line.total).amount for line in lines), Decimal("0"))
    if code.minimum_basket is not None and basket < code.minimum_basket:
        raise DiscountRefused(
            _("Ce code demande un panier d'au moins %(minimum)s.")
            % {"minimum": format_money(Money(code.minimum_basket))}
        )
    eligible = _eligible_lines(code, lines)
    if not eligible:
        raise DiscountRefused(_("Ce code ne s'applique à aucun article de votre panier."))
    currency = eligible[0].total.currency
    eligible_gross = sum((line.total.gross.amount for line in eligible), Decimal("0"))
    eligible_net = sum((line.total.net.amount for line in eligible), Decimal("0"))
    if code.kind == DiscountKind.FREE_SHIPPING:
        return AppliedDiscount(code=code, reduction=TaxedMoney.zero(currency), free_shipping=True)
    base = eligible_gross if prices_include_tax else eligible_net
    if code.kind == DiscountKind.PERCENT:
        off = quantize(base * code.value / HUNDRED)
    else:
        off = min(quantize(code.value), base)
    # The reduction carries the VAT of what it reduces, in the same proportion.
    if prices_include_tax:
        gross = off
        net = quantize(off * eligible_net / eligible_gross) if eligible_gross else off
    else:
        net = off
        gross = quantize(off * eligible_gross / eligible_net) if eligible_net else off
    reduction = TaxedMoney(net=Money(net, currency), gross=Money(gross, currency))
    return AppliedDiscount(code=code, reduction=reduction, free_shipping=False)


def _eligible_lines(code: DiscountCode, lines: Sequence[Any]) -> list[Any]:
    # A gift card is money: a discount on it would be a discount on cash.
    lines = [line for line in lines if not line.variant.product.is_gift_card]
    product_ids = set(code.products.values_list("pk", flat=True))
    collection_ids = list(code.collections.values_list("pk", flat=True))
    if not product_ids and not collection_ids:
        return list(lines)  # not limited: the whole basket
    in_collections = CollectionProduct.objects.filter(collection_id__in=collection_ids)
    product_ids |= set(in_collections.values_list("product_id", flat=True))
    return [line for line in lines if line.variant.product_id in product_ids]
