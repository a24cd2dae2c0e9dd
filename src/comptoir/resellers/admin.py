"""The founder's side of the reseller flow: applications are decided through a page asking for the message."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from comptoir.pricing.models import PriceGroup

from .errors import ResellerError
from .models import (
    ApplicationStatus,
    Buyer,
    BuyerInvitation,
    Company,
    DraftOrder,
    DraftOrderLine,
    PaymentTerms,
    Prepack,
    PrepackSize,
    ProductOrderRule,
    ResellerApplication,
)
from .services.decide_application import approve_application, refuse_application


class ApproveForm(forms.Form):
    price_group = forms.ModelChoiceField(
        label=_("Groupe de prix"),
        queryset=PriceGroup.objects.all(),
        required=False,
        empty_label=_("Tarif revendeur par défaut"),
    )
    payment_terms = forms.ChoiceField(
        label=_("Conditions de paiement"), choices=PaymentTerms.choices, initial=PaymentTerms.PREPAYMENT
    )
    message = forms.CharField(
        label=_("Message pour la boutique"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


class RefuseForm(forms.Form):
    message = forms.CharField(
        label=_("Message pour la boutique"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Il est envoyé tel quel par e-mail."),
    )


@admin.register(ResellerApplication)
class ResellerApplicationAdmin(admin.ModelAdmin):
    list_display = ("shop_name", "legal_name", "city", "country", "email", "status", "created_at", "decide")
    list_filter = ("status", "country", "expected_volume")
    search_fields = ("shop_name", "legal_name", "email", "company_number", "vat_number")
    readonly_fields = (
        "vat_check", "status", "decision_message", "decided_at", "decided_by", "company", "created_at"
    )  # fmt: skip
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("Décision"))
    def decide(self, application: ResellerApplication) -> str:
        if application.status != ApplicationStatus.PENDING:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:resellers_resellerapplication_approve", args=[application.pk]),
            gettext("Accepter"),
            reverse("admin:resellers_resellerapplication_refuse", args=[application.pk]),
            gettext("Refuser"),
        )

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<int:application_id>/accepter/",
                self.admin_site.admin_view(self.approve_view),
                name="resellers_resellerapplication_approve",
            ),
            path(
                "<int:application_id>/refuser/",
                self.admin_site.admin_view(self.refuse_view),
                name="resellers_resellerapplication_refuse",
            ),
        ]
        return own + super().get_urls()

    def _decision_page(self, request: HttpRequest, application_id: int, *, approve: bool) -> HttpResponse:
        application = get_object_or_404(ResellerApplication, pk=application_id)
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        form_class = ApproveForm if approve else RefuseForm
        form: forms.Form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                if approve:
                    approve_application(
                        application_id=application.pk,
                        decided_by=request.user,
                        message=form.cleaned_data["message"],
                        price_group=form.cleaned_data["price_group"],
                        payment_terms=form.cleaned_data["payment_terms"],
                    )
                    self.message_user(request, gettext("Demande acceptée : la boutique a reçu son accès."))
                else:
                    refuse_application(
                        application_id=application.pk,
                        decided_by=request.user,
                        message=form.cleaned_data["message"],
                    )
                    self.message_user(request, gettext("Demande refusée : la boutique a reçu votre message."))
            except ResellerError as error:
                self.message_user(request, error.messages[0], level=messages.ERROR)
            return HttpResponseRedirect(reverse("admin:resellers_resellerapplication_changelist"))
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "application": application,
            "form": form,
            "approve": approve,
            "title": gettext("Accepter %(shop)s") % {"shop": application.shop_name}
            if approve
            else gettext("Refuser %(shop)s") % {"shop": application.shop_name},
        }
        return TemplateResponse(request, "admin/resellers/decide_application.html", context)

    def approve_view(self, request: HttpRequest, application_id: int) -> HttpResponse:
        return self._decision_page(request, application_id, approve=True)

    def refuse_view(self, request: HttpRequest, application_id: int) -> HttpResponse:
        return self._decision_page(request, application_id, approve=False)


class BuyerInline(admin.TabularInline):
    model = Buyer
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = (
        "shop_name",
        "legal_name",
        "siren",
        "country",
        "price_group",
        "payment_terms",
        "is_active",
    )
    list_filter = ("is_active", "price_group", "payment_terms", "country")
    search_fields = ("shop_name", "legal_name", "siren", "vat_number")
    inlines = (BuyerInline,)


@admin.register(Buyer)
class BuyerAdmin(admin.ModelAdmin):
    list_display = ("user", "company", "is_admin", "created_at")
    list_filter = ("is_admin",)
    search_fields = ("user__email", "company__shop_name")
    raw_id_fields = ("user",)
    list_select_related = ("user", "company")


@admin.register(BuyerInvitation)
class BuyerInvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "company", "created_at", "expires_at", "accepted_at")
    readonly_fields = ("token_hash",)
    list_select_related = ("company",)


class DraftOrderLineInline(admin.TabularInline):
    model = DraftOrderLine
    extra = 0
    raw_id_fields = ("variant",)


@admin.register(DraftOrder)
class DraftOrderAdmin(admin.ModelAdmin):
    list_display = ("company", "updated_at", "updated_by")
    list_select_related = ("company", "updated_by")
    inlines = (DraftOrderLineInline,)


@admin.register(ProductOrderRule)
class ProductOrderRuleAdmin(admin.ModelAdmin):
    list_display = ("product", "minimum_quantity", "pack_multiple")
    search_fields = ("product__name",)
    raw_id_fields = ("product",)
    list_select_related = ("product",)


class PrepackSizeInline(admin.TabularInline):
    model = PrepackSize
    extra = 4


@admin.register(Prepack)
class PrepackAdmin(admin.ModelAdmin):
    list_display = ("name", "product", "is_active", "position")
    list_filter = ("is_active",)
    search_fields = ("name", "product__name")
    raw_id_fields = ("product",)
    list_select_related = ("product",)
    inlines = (PrepackSizeInline,)
