"""The product and variant admin: a product with its variants, images and collections, a variant with its
stock; every retail price change kept in the price history (``pricing``). Here, above catalog, pricing
and inventory, because these pages write all three."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from comptoir.catalog.admin import CollectionProductInline
from comptoir.catalog.models import Product, ProductImage, Variant
from comptoir.inventory.models import StockRecord
from comptoir.pricing.services.record_retail_prices import record_retail_prices


class VariantInline(admin.TabularInline):
    model = Variant
    extra = 0
    fields = ("size", "colour", "fit", "sku", "ean13", "weight_grams", "retail_price", "is_active")
    show_change_link = True


class ProductImageInline(TranslationTabularInline):
    model = ProductImage
    extra = 0
    fields = ("image", "colour", "alt_text", "position")


@admin.register(Product)
class ProductAdmin(TabbedTranslationAdmin):
    list_display = ("name", "status", "retail_price", "is_new", "is_best_seller", "position")
    list_filter = ("status", "is_new", "is_best_seller", "collections")
    list_editable = ("status", "position")
    search_fields = ("name_fr", "name_en", "variants__sku")
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}
    inlines = (VariantInline, ProductImageInline, CollectionProductInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary", "description", "status", "published_at")}),
        (_("Prix"), {"fields": ("retail_price", "vat_rate")}),
        (
            _("Détails"),
            {
                "fields": (
                    "composition",
                    "care",
                    "gender",
                    "size_guide",
                    "is_new",
                    "is_best_seller",
                    "is_gift_card",
                    "position",
                )
            },
        ),
        (
            _("Précommandes revendeurs"),
            {
                "fields": ("preorder_cutoff", "preorder_ships_from", "preorder_ships_until"),
                "classes": ("collapse",),
            },
        ),
        (_("Référencement"), {"fields": ("meta_title", "meta_description"), "classes": ("collapse",)}),
    )

    # The retail price history (the reference price of sales): the prices before the change are
    # kept if they never were, then the new ones once the variants are saved too.
    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            record_retail_prices(product_ids=[obj.pk])
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        record_retail_prices(product_ids=[form.instance.pk])


class StockInline(admin.StackedInline):
    model = StockRecord
    can_delete = False
    fields = ("on_hand", "reserved", "low_stock_threshold", "location")
    readonly_fields = ("reserved",)  # moved by orders only (inventory services)


@admin.register(Variant)
class VariantAdmin(admin.ModelAdmin):
    list_display = ("sku", "product", "colour", "size", "fit", "ean13", "is_active")
    list_filter = ("is_active", "colour", "size", "fit")
    search_fields = ("sku", "ean13", "product__name_fr")
    list_select_related = ("product", "colour", "size", "fit")
    inlines = (StockInline,)
    autocomplete_fields = ("product",)

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            record_retail_prices(product_ids=[obj.product_id])
        super().save_model(request, obj, form, change)
        record_retail_prices(product_ids=[obj.product_id])
