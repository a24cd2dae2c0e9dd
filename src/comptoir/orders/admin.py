"""Orders in the admin: read, never edited; status moves only through the actions (the services)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .errors import OrderTransitionRefused
from .models import Order, OrderEvent, OrderLine
from .services.accept_return import accept_return
from .services.cancel_order import cancel_order
from .services.mark_order_delivered import mark_order_delivered
from .services.pack_order import pack_order
from .services.refund_order import refund_order
from .services.ship_order import ship_order


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ("product_name", "options_label", "sku", "quantity", "unit_gross", "vat_rate", "total_gross")
    readonly_fields = fields


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ("created_at", "kind", "from_status", "to_status", "actor", "actor_label", "data")
    readonly_fields = fields


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("number", "created_at", "status", "email", "total_gross", "payment_method")
    list_filter = ("status", "channel", "payment_method", "created_at")
    search_fields = ("number", "email", "lines__sku")
    list_select_related = ("customer",)
    date_hierarchy = "created_at"
    inlines = (OrderLineInline, OrderEventInline)
    # payments/admin.py adds the refund through the payment provider.
    actions: tuple[Any, ...] = ("pack", "ship", "mark_delivered", "cancel", "accept_return", "mark_refunded")
    readonly_fields = [field.name for field in Order._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # orders are placed at checkout

    def has_delete_permission(self, request: HttpRequest, obj: Order | None = None) -> bool:
        return False  # a legal record: cancelled, never deleted

    def has_change_permission(self, request: HttpRequest, obj: Order | None = None) -> bool:
        # The list and its actions need "change"; one order's page is read-only, so that saving a
        # copy read earlier can never write an old status back over a payment that arrived since.
        if obj is not None:
            return False
        return super().has_change_permission(request)

    def _apply(
        self,
        request: HttpRequest,
        queryset: QuerySet[Order],
        service: Callable[..., Order],
        done_message: Callable[[int], str],
    ) -> None:
        actor = request.user if request.user.is_authenticated else None
        done = 0
        for order in queryset.order_by("pk"):
            try:
                service(order=order, actor=actor, actor_label="staff")
            except OrderTransitionRefused as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Marquer emballées"), permissions=["change"])
    def pack(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            pack_order,
            lambda n: (
                ngettext("%(count)d commande emballée.", "%(count)d commandes emballées.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Marquer expédiées (le stock est décompté)"), permissions=["change"])
    def ship(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            ship_order,
            lambda n: (
                ngettext("%(count)d commande expédiée.", "%(count)d commandes expédiées.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Marquer livrées"), permissions=["change"])
    def mark_delivered(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            mark_order_delivered,
            lambda n: (
                ngettext("%(count)d commande livrée.", "%(count)d commandes livrées.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Annuler (le stock réservé est remis en vente)"), permissions=["change"])
    def cancel(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            cancel_order,
            lambda n: (
                ngettext("%(count)d commande annulée.", "%(count)d commandes annulées.", n) % {"count": n}
            ),
        )

    @admin.action(
        description=_("Retour reçu et accepté (les pièces reviennent en stock)"), permissions=["change"]
    )
    def accept_return(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            accept_return,
            lambda n: ngettext("%(count)d retour accepté.", "%(count)d retours acceptés.", n) % {"count": n},
        )

    @admin.action(description=_("Marquer remboursées (remboursement déjà effectué)"), permissions=["change"])
    def mark_refunded(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            refund_order,
            lambda n: (
                ngettext("%(count)d commande remboursée.", "%(count)d commandes remboursées.", n)
                % {"count": n}
            ),
        )
