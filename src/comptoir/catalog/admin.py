from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import (
    Collection,
    CollectionProduct,
    Colour,
    Fit,
    Size,
    SizeGuide,
    SizeScale,
)


class CollectionProductInline(admin.TabularInline):
    model = CollectionProduct
    extra = 0
    autocomplete_fields = ("collection",)


@admin.register(Collection)
class CollectionAdmin(TabbedTranslationAdmin):
    list_display = ("name", "is_published", "is_featured", "position")
    list_editable = ("is_published", "is_featured", "position")
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}
    inlines = (CollectionProductInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "description", "is_published", "is_featured", "position")}),
        (
            _("Précommandes revendeurs"),
            {
                "fields": ("preorder_cutoff", "preorder_ships_from", "preorder_ships_until"),
                "classes": ("collapse",),
            },
        ),
        (_("Référencement"), {"fields": ("meta_title", "meta_description"), "classes": ("collapse",)}),
    )


class SizeInline(admin.TabularInline):
    model = Size
    extra = 0
    prepopulated_fields = {"slug": ("label",)}


@admin.register(SizeScale)
class SizeScaleAdmin(admin.ModelAdmin):
    inlines = (SizeInline,)


@admin.register(Colour)
class ColourAdmin(TabbedTranslationAdmin):
    list_display = ("name", "hex_code", "position")
    list_editable = ("hex_code", "position")


@admin.register(Fit)
class FitAdmin(TabbedTranslationAdmin):
    list_display = ("name", "position")


@admin.register(SizeGuide)
class SizeGuideAdmin(TabbedTranslationAdmin):
    pass
