"""Orders and their payments in the admin: read, never edited; status moves only through the actions.

The actions call the workflow's services (ship → invoice, refund → credit notes, a payment → paid and
invoiced) or orders' own moves; the order admin lives here, above every app its actions use, so no app
patches another's admin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comptoir.accounts.models import User
from comptoir.core.money import Money, format_money
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import Order, OrderEvent, OrderLine
from comptoir.orders.services.accept_return import accept_return
from comptoir.orders.services.mark_order_delivered import mark_order_delivered
from comptoir.orders.services.pack_order import pack_order
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.permissions import has_move_money_permission
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from comptoir.payments.providers.base import PaymentError
from comptoir.payments.services.record_payment import Outcome

from .services.cancel_order import cancel_order_and_credit_back
from .services.pay_order import mark_payment_paid
from .services.record_terms_payment import TermsPaymentRefused, record_terms_payment
from .services.refund_amount import RefundRefused, refund_amount, refundable_amount
from .services.refund_order_payments import refund_order_payments, refunded_with_credit_note
from .services.ship_and_invoice import ship_order_and_invoice


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
    actions = (
        "pack",
        "ship",
        "mark_delivered",
        "cancel",
        "accept_return",
        "terms_payment_received",
        "refund_through_provider",
        "refunded_by_hand",
        "refund_an_amount",
    )
    readonly_fields = [field.name for field in Order._meta.fields]

    # The money actions (terms payments, refunds) are the owner's alone.
    has_move_money_permission = has_move_money_permission

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
        """The reseller's parcel leaves with its invoice (a boutique order was invoiced when paid)."""
        self._apply(
            request,
            queryset,
            ship_order_and_invoice,
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
            cancel_order_and_credit_back,
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

    @admin.action(
        description=_("Paiement à échéance reçu (revendeurs) : l'enregistrer"), permissions=["move_money"]
    )
    def terms_payment_received(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        actor = request.user if isinstance(request.user, User) else None
        recorded = 0
        for order in queryset.order_by("pk"):
            try:
                if record_terms_payment(order=order, actor=actor) is not None:
                    recorded += 1
            except TermsPaymentRefused:
                self.message_user(
                    request,
                    _("%(number)s n'est pas une commande à échéance : son paiement passe par le prestataire.")
                    % {"number": order.number},
                    messages.ERROR,
                )
        if recorded:
            self.message_user(
                request,
                ngettext("%(count)d paiement enregistré.", "%(count)d paiements enregistrés.", recorded)
                % {"count": recorded},
                messages.SUCCESS,
            )

    @admin.action(
        description=_("Rembourser par le prestataire de paiement (Stripe : par l'API)"),
        permissions=["move_money"],
    )
    def refund_through_provider(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        actor = request.user if request.user.is_authenticated else None
        done = 0
        for order in queryset.order_by("pk"):
            try:
                refund_order_payments(order=order, actor=actor, actor_label="staff")
            except OrderTransitionRefused as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            except PaymentError:
                self.message_user(
                    request,
                    _("Le prestataire n'a pas pu rembourser la commande %(number)s : réessayez plus tard.")
                    % {"number": order.number},
                    messages.ERROR,
                )
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d commande remboursée.", "%(count)d commandes remboursées.", done)
                % {"count": done},
                messages.SUCCESS,
            )

    @admin.action(
        description=_("Remboursée à la main (virement fait) : marquer remboursée, émettre l'avoir"),
        permissions=["move_money"],
    )
    def refunded_by_hand(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(
            request,
            queryset,
            refunded_with_credit_note,
            lambda n: (
                ngettext("%(count)d commande remboursée.", "%(count)d commandes remboursées.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Rembourser un montant (geste commercial, virement renvoyé) : émettre l'avoir"),
        permissions=["move_money"],
    )
    def refund_an_amount(self, request: HttpRequest, queryset: QuerySet[Order]) -> HttpResponse | None:
        if queryset.count() != 1:
            self.message_user(request, _("Choisissez une seule commande."), messages.ERROR)
            return None
        order = queryset.get()
        form = RefundAmountForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            actor = request.user if request.user.is_authenticated else None
            try:
                credit_notes = refund_amount(
                    order=order,
                    amount=form.cleaned_data["amount"],
                    reason=form.cleaned_data["reason"],
                    actor=actor,
                )
            except RefundRefused as refusal:
                self.message_user(request, refusal.message, messages.ERROR)
            except PaymentError:
                self.message_user(
                    request,
                    _("Le prestataire n'a pas pu rembourser la commande %(number)s : réessayez plus tard.")
                    % {"number": order.number},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("Remboursement enregistré ; avoir %(numbers)s.")
                    % {"numbers": ", ".join(note.number for note in credit_notes) or "—"},
                    messages.SUCCESS,
                )
            return None
        return TemplateResponse(
            request,
            "admin/workflow/refund_amount.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Rembourser un montant"),
                "order": order,
                "refundable": format_money(Money(refundable_amount(order=order), order.currency)),
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )


class RefundAmountForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Montant TTC à rembourser"), max_digits=12, decimal_places=2, min_value=0
    )
    reason = forms.CharField(label=_("Motif (sur l'avoir)"), max_length=200, initial=_("Geste commercial"))


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
