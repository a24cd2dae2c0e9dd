from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import ShippingMethod, ShippingZone, WeightBand


@admin.register(ShippingZone)
class ShippingZoneAdmin(TabbedTranslationAdmin):
    list_display = ("name", "countries_count", "is_rest_of_world", "position")
    list_editable = ("position",)
    search_fields = ("name_fr", "name_en")
    fields = ("name", "countries", "is_rest_of_world", "position")

    @admin.display(description=_("nombre de pays"))
    def countries_count(self, zone: ShippingZone) -> int:
        return len(zone.country_codes)


class WeightBandInline(admin.TabularInline):
    model = WeightBand
    extra = 1
    fields = ("max_weight_grams", "price")


@admin.register(ShippingMethod)
class ShippingMethodAdmin(TabbedTranslationAdmin):
    list_display = ("name", "zone", "carrier", "free_above", "is_active", "position")
    list_filter = ("zone", "carrier", "is_active")
    list_editable = ("is_active", "position")
    list_select_related = ("zone",)
    search_fields = ("name_fr", "name_en")
    inlines = (WeightBandInline,)
    fieldsets = (
        (None, {"fields": ("zone", "name", "description", "carrier", "is_active", "position")}),
        (_("Prix"), {"fields": ("free_above", "vat_rate")}),
    )
