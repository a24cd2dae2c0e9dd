from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comptoir.accounts.models import User
from comptoir.orders.admin import OrderAdmin
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import Order

from .models import GiftCard, GiftCardMovement, Payment, PaymentStatus, ProcessedWebhookEvent
from .providers.bank_transfer import BankTransferProvider
from .providers.base import PaymentError
from .services.issue_gift_card import issue_gift_card
from .services.record_payment import Outcome, mark_payment_paid
from .services.record_terms_payment import TermsPaymentRefused, record_terms_payment
from .services.refund_order_payments import refund_order_payments, refunded_with_credit_note

MOVE_MONEY = "payments.move_money"


def has_move_money_permission(modeladmin: admin.ModelAdmin, request: HttpRequest) -> bool:  # type: ignore[type-arg]
    """Refunds, credit notes, payments recorded by hand, gift cards: the owner's, never packing staff's,
    whatever else they may view (`@admin.action(permissions=["move_money"])` asks this)."""
    return request.user.has_perm(MOVE_MONEY)


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = [
        "order",
        "provider",
        "status",
        "amount",
        "refunded_amount",
        "currency",
        "created_at",
        "paid_at",
    ]
    list_filter = ["provider", "status"]
    search_fields = ["order__number", "external_id", "provider_reference"]
    list_select_related = ["order"]
    actions = ["confirm_bank_transfer"]
    # Payments are facts reported by providers or by the action below, never typed in.
    readonly_fields = [field.name for field in Payment._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Payment | None = None) -> bool:
        return False

    has_move_money_permission = has_move_money_permission

    @admin.action(description=_("Virement reçu : marquer payé"), permissions=["move_money"])
    def confirm_bank_transfer(self, request: HttpRequest, queryset: QuerySet[Payment]) -> None:
        confirmed = 0
        for payment in queryset.filter(
            provider=BankTransferProvider.code, status__in=[PaymentStatus.CREATED, PaymentStatus.PENDING]
        ):
            user = request.user if request.user.is_authenticated else None
            if mark_payment_paid(payment_id=payment.pk, actor=user, actor_label="staff") == Outcome.PAID:
                confirmed += 1
        self.message_user(
            request,
            ngettext("%(count)d virement confirmé.", "%(count)d virements confirmés.", confirmed)
            % {"count": confirmed},
            messages.SUCCESS if confirmed else messages.WARNING,
        )


@admin.register(ProcessedWebhookEvent)
class ProcessedWebhookEventAdmin(admin.ModelAdmin):
    list_display = ["provider", "event_id", "event_type", "outcome", "received_at"]
    list_filter = ["provider", "event_type", "outcome"]
    search_fields = ["event_id"]
    readonly_fields = ["provider", "event_id", "event_type", "outcome", "received_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


# The order admin is the orders app's; refunding through a provider is a payments matter, so its
# action is added here, where both are known (payments may use orders, never the reverse).
@admin.action(
    description=_("Rembourser par le prestataire de paiement (Stripe : par l'API)"),
    permissions=["move_money"],
)
def refund_through_provider(modeladmin: OrderAdmin, request: HttpRequest, queryset: QuerySet[Order]) -> None:
    actor = request.user if request.user.is_authenticated else None
    done = 0
    for order in queryset.order_by("pk"):
        try:
            refund_order_payments(order=order, actor=actor, actor_label="staff")
        except OrderTransitionRefused as refusal:
            modeladmin.message_user(request, refusal.message, messages.ERROR)
        except PaymentError:
            modeladmin.message_user(
                request,
                _("Le prestataire n'a pas pu rembourser la commande %(number)s : réessayez plus tard.")
                % {"number": order.number},
                messages.ERROR,
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            ngettext("%(count)d commande remboursée.", "%(count)d commandes remboursées.", done)
            % {"count": done},
            messages.SUCCESS,
        )


@admin.action(
    description=_("Paiement à échéance reçu (revendeurs) : l'enregistrer"), permissions=["move_money"]
)
def terms_payment_received(modeladmin: OrderAdmin, request: HttpRequest, queryset: QuerySet[Order]) -> None:
    actor = request.user if isinstance(request.user, User) else None
    recorded = 0
    for order in queryset.order_by("pk"):
        try:
            if record_terms_payment(order=order, actor=actor) is not None:
                recorded += 1
        except TermsPaymentRefused:
            modeladmin.message_user(
                request,
                _("%(number)s n'est pas une commande à échéance : son paiement passe par le prestataire.")
                % {"number": order.number},
                messages.ERROR,
            )
    if recorded:
        modeladmin.message_user(
            request,
            ngettext("%(count)d paiement enregistré.", "%(count)d paiements enregistrés.", recorded)
            % {"count": recorded},
            messages.SUCCESS,
        )


@admin.action(
    description=_("Remboursée à la main (virement fait) : marquer remboursée, émettre l'avoir"),
    permissions=["move_money"],
)
def refunded_by_hand(modeladmin: OrderAdmin, request: HttpRequest, queryset: QuerySet[Order]) -> None:
    actor = request.user if request.user.is_authenticated else None
    done = 0
    for order in queryset.order_by("pk"):
        try:
            refunded_with_credit_note(order=order, actor=actor, actor_label="staff")
        except OrderTransitionRefused as refusal:
            modeladmin.message_user(request, refusal.message, messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            ngettext("%(count)d commande remboursée.", "%(count)d commandes remboursées.", done)
            % {"count": done},
            messages.SUCCESS,
        )


# The orders app's own « mark refunded » cannot issue the credit note (invoicing sits above orders):
# this one replaces it. The money actions ask the order admin for the owner's permission.
OrderAdmin.has_move_money_permission = has_move_money_permission  # type: ignore[attr-defined]
OrderAdmin.actions = (
    *(action for action in OrderAdmin.actions if action != "mark_refunded"),
    terms_payment_received,
    refund_through_provider,
    refunded_by_hand,
)


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
