"""Count one use of a discount code for an order, inside the order's transaction."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Q
from django.utils.translation import gettext as _

from comptoir.accounts.models import User
from comptoir.orders.models import Order

from ..models import DiscountCode, Redemption
from ..rules import DiscountRefused


def redeem_code(
    *, code: DiscountCode, order: Order, email: str, customer: User | None, amount_gross: Decimal
) -> Redemption:
    """One conditional UPDATE takes a use only while one is left: the last use cannot go twice.

    The caller (``place_order``) holds the code's row lock since ``apply_code(lock=True)``; the
    condition and the database constraint are the backstop.
    """
    taken = (
        DiscountCode.objects.filter(pk=code.pk)
        .filter(Q(max_uses__isnull=True) | Q(uses_count__lt=F("max_uses")))
        .update(uses_count=F("uses_count") + 1)
    )
    if not taken:
        raise DiscountRefused(_("Ce code a déjà été utilisé autant de fois que prévu."))
    return Redemption.objects.create(
        code=code, order=order, email=email.strip().lower(), customer=customer, amount_gross=amount_gross
    )
