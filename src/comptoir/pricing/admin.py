from django.contrib import admin

from .models import PriceGroup, PriceList, PriceListItem, RetailPriceRecord, Sale, VolumeTier


class PriceListItemInline(admin.TabularInline):
    model = PriceListItem
    extra = 0
    raw_id_fields = ("variant",)


class VolumeTierInline(admin.TabularInline):
    model = VolumeTier
    extra = 0
    raw_id_fields = ("product",)


@admin.register(PriceGroup)
class PriceGroupAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(PriceList)
class PriceListAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "price_group",
        "coefficient",
        "rounding",
        "first_order_minimum",
        "reorder_minimum",
    )
    list_select_related = ("price_group",)
    inlines = (PriceListItemInline, VolumeTierInline)


@admin.register(Sale)
class SaleAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "value", "starts_at", "ends_at", "is_active")
    list_filter = ("is_active", "kind")
    search_fields = ("name",)
    date_hierarchy = "starts_at"
    autocomplete_fields = ("products", "collections")
    fields = ("name", "kind", "value", "starts_at", "ends_at", "is_active", "products", "collections")


@admin.register(RetailPriceRecord)
class RetailPriceRecordAdmin(admin.ModelAdmin):
    """Read only: the history is a record of what customers were charged."""

    list_display = ("variant", "gross_price", "recorded_at")
    list_select_related = ("variant__product",)
    search_fields = ("variant__sku",)
    date_hierarchy = "recorded_at"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
