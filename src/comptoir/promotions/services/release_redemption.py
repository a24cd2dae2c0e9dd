"""An order that will never be paid or shipped gives its discount code's use back."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from ..models import DiscountCode, Redemption


def release_redemption(*, order_id: int) -> bool:
    """Delete the order's use of a code and count it back; False when it had none (a repeat)."""
    with transaction.atomic():
        redemption = Redemption.objects.select_for_update().filter(order_id=order_id).first()
        if redemption is None:
            return False
        DiscountCode.objects.filter(pk=redemption.code_id, uses_count__gt=0).update(
            uses_count=F("uses_count") - 1
        )
        redemption.delete()
    return True
