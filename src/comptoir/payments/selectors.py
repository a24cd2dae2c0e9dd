"""Reads for payment pages."""

from __future__ import annotations

from .models import Payment


def payment_with_order(*, payment_id: int) -> Payment | None:
    return Payment.objects.select_related("order").filter(pk=payment_id).first()
