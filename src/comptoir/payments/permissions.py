"""Moving money is the owner's: refunds, credit notes, payments recorded by hand, gift cards."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

MOVE_MONEY = "payments.move_money"


def has_move_money_permission(modeladmin: admin.ModelAdmin, request: HttpRequest) -> bool:  # type: ignore[type-arg]
    """Never packing staff's, whatever else they may view (`@admin.action(permissions=["move_money"])`
    asks this of the admin that offers the action)."""
    return request.user.has_perm(MOVE_MONEY)
