from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import MovementReason, StockMovement, StockRecord
from .movements import record_movements


@admin.register(StockRecord)
class StockRecordAdmin(admin.ModelAdmin):
    list_display = ("variant", "on_hand", "reserved", "available", "low_stock_threshold", "location")
    list_editable = ("on_hand", "location")
    # Reservations move with orders (placed, cancelled, shipped), never by hand.
    readonly_fields = ("reserved", "available")
    search_fields = ("variant__sku", "variant__ean13", "variant__product__name")
    list_select_related = ("variant__product", "variant__size", "variant__colour", "variant__fit")
    raw_id_fields = ("variant",)

    @admin.display(description=_("disponible"))
    def available(self, record: StockRecord) -> int:
        return record.available

    def save_model(self, request: HttpRequest, obj: StockRecord, form: Any, change: bool) -> None:
        """A count changed here is a correction in the stock's history, with who made it."""
        with transaction.atomic():
            before = StockRecord.objects.filter(pk=obj.pk).values_list("on_hand", flat=True).first() or 0
            super().save_model(request, obj, form, change)
            record_movements(
                changes=[(obj.variant_id, obj.on_hand - before)],
                reason=MovementReason.CORRECTION,
                note=str(_("Données (admin)")),
                actor=request.user,  # type: ignore[arg-type]
            )


@admin.register(StockMovement)
class StockMovementAdmin(admin.ModelAdmin):
    """The stock's history: read only, as written by the stock services."""

    list_display = ("created_at", "variant", "change", "on_hand_after", "reason", "reference", "actor")
    list_filter = ("reason",)
    search_fields = ("variant__sku", "reference", "note")
    list_select_related = ("variant", "actor")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
