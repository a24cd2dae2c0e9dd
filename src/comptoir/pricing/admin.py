from django.contrib import admin

from .models import PriceGroup, PriceList, PriceListItem, VolumeTier


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
