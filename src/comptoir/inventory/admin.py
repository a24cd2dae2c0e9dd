from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import StockRecord


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
