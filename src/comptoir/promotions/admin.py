from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import DiscountCode, Redemption


class RedemptionInline(admin.TabularInline):
    model = Redemption
    extra = 0
    can_delete = False
    fields = ("order", "email", "amount_gross", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(DiscountCode)
class DiscountCodeAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "kind",
        "value",
        "channel",
        "is_active",
        "uses_count",
        "max_uses",
        "ambassador",
        "orders_brought",
        "revenue_brought",
    )
    list_filter = ("is_active", "kind", "channel")
    search_fields = ("code", "ambassador")
    filter_horizontal = ("products", "collections")
    readonly_fields = ("uses_count",)
    inlines = (RedemptionInline,)
    fieldsets = (
        (None, {"fields": ("code", "kind", "value", "is_active", "channel", "ambassador")}),
        (_("Conditions"), {"fields": ("minimum_basket", "starts_at", "ends_at", "products", "collections")}),
        (_("Limites"), {"fields": ("max_uses", "max_uses_per_customer", "uses_count")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[DiscountCode]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                orders_count=Count("redemptions", distinct=True),
                revenue=Sum("redemptions__order__total_gross"),
            )
        )

    @admin.display(description=_("commandes apportées"), ordering="orders_count")
    def orders_brought(self, code: DiscountCode) -> int:
        return code.orders_count  # type: ignore[attr-defined]

    @admin.display(description=_("chiffre d'affaires apporté (TTC)"), ordering="revenue")
    def revenue_brought(self, code: DiscountCode) -> str:
        return f"{code.revenue or 0:.2f} €"  # type: ignore[attr-defined]
