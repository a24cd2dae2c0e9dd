"""Gift cards and the webhook log in the admin; payments and the order actions are the workflow's
(``comptoir.workflow.admin``): confirming a transfer moves and invoices the order."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils import translation

from .models import GiftCard, GiftCardMovement, ProcessedWebhookEvent
from .permissions import has_move_money_permission
from .services.issue_gift_card import issue_gift_card


@admin.register(ProcessedWebhookEvent)
class ProcessedWebhookEventAdmin(admin.ModelAdmin):
    list_display = ["provider", "event_id", "event_type", "outcome", "received_at"]
    list_filter = ["provider", "event_type", "outcome"]
    search_fields = ["event_id"]
    readonly_fields = ["provider", "event_id", "event_type", "outcome", "received_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class GiftCardMovementInline(admin.TabularInline):
    model = GiftCardMovement
    extra = 0
    can_delete = False
    fields = ("created_at", "kind", "amount", "balance_after", "order")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(GiftCard)
class GiftCardAdmin(admin.ModelAdmin):
    """The founder issues a card by hand (a prize, a goodwill gesture); balances move by orders only."""

    list_display = ("masked_code", "initial_amount", "balance", "recipient_email", "expires_at", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "recipient_email")
    inlines = (GiftCardMovementInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and has_move_money_permission(self, request)

    def get_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return ("initial_amount", "recipient_email", "sender_name", "message", "expires_at")
        return (
            "code",
            "initial_amount",
            "balance",
            "recipient_email",
            "sender_name",
            "message",
            "expires_at",
            "is_active",
            "purchase_order",
        )

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return ()
        return (
            "code",
            "initial_amount",
            "balance",
            "recipient_email",
            "sender_name",
            "message",
            "purchase_order",
        )

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            super().save_model(request, obj, form, change)
            return
        issued = issue_gift_card(
            amount=obj.initial_amount,
            recipient_email=obj.recipient_email,
            sender_name=obj.sender_name,
            message=obj.message,
            expires_at=obj.expires_at,
            language=translation.get_language() or "fr",
        )
        obj.pk, obj.code, obj.balance = issued.pk, issued.code, issued.balance
        obj._state.adding = False
