from django.contrib import admin

from .models import Cart, CartLine


class CartLineInline(admin.TabularInline):
    model = CartLine
    extra = 0
    raw_id_fields = ("variant",)
    readonly_fields = ("added_at",)


@admin.register(Cart)
class CartAdmin(admin.ModelAdmin):
    list_display = ("__str__", "customer", "updated_at")
    search_fields = ("customer__email",)
    raw_id_fields = ("customer",)
    inlines = (CartLineInline,)
