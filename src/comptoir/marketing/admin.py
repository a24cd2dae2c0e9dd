from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .campaigns import render_campaign
from .models import Campaign, CampaignStatus, StockAlert, Subscriber
from .services.newsletter import send_campaign, send_campaign_test


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "status", "language", "consent_source", "confirmed_at", "unsubscribed_at")
    list_filter = ("status", "language")
    search_fields = ("email",)
    readonly_fields = ("status", "asked_at", "confirmed_at", "unsubscribed_at", "consent_source")
    actions = ("export_csv",)

    @admin.action(description=_("Exporter en CSV"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Subscriber]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="abonnes.csv"'
        response.write("\ufeff")  # so that a spreadsheet opens it as UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["email", "statut", "langue", "source", "demande", "confirmation", "desinscription"])
        for subscriber in queryset.order_by("email"):
            writer.writerow(
                [
                    subscriber.email,
                    subscriber.status,
                    subscriber.language,
                    subscriber.consent_source,
                    subscriber.asked_at.isoformat() if subscriber.asked_at else "",
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                    subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else "",
                ]
            )
        return response


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("subject", "language", "status", "sent_at")
    readonly_fields = ("preview", "status", "sent_at")
    fields = ("subject", "language", "body", "preview", "status", "sent_at")
    actions = ("send_test", "send_now")

    @admin.display(description=_("aperçu"))
    def preview(self, campaign: Campaign) -> str:
        if not campaign.pk:
            return ""
        return format_html('<div style="max-width:40rem">{}</div>', render_campaign(campaign=campaign))

    @admin.action(description=_("Envoyer un test à mon adresse"), permissions=["change"])
    def send_test(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        for campaign in queryset:
            send_campaign_test(campaign_id=campaign.pk, email=request.user.email)  # type: ignore[union-attr]
        self.message_user(request, _("Test envoyé à %(email)s.") % {"email": request.user.email})  # type: ignore[union-attr]

    @admin.action(description=_("Envoyer aux abonnés"), permissions=["change"])
    def send_now(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        for campaign in queryset:
            if campaign.status != CampaignStatus.DRAFT:
                self.message_user(
                    request,
                    _("« %(subject)s » est déjà envoyée.") % {"subject": campaign.subject},
                    messages.WARNING,
                )
                continue
            count = send_campaign(campaign_id=campaign.pk)
            self.message_user(
                request,
                _("« %(subject)s » part vers %(count)d abonnés.")
                % {"subject": campaign.subject, "count": count},
            )


@admin.register(StockAlert)
class StockAlertAdmin(admin.ModelAdmin):
    list_display = ("variant", "email", "created_at", "notified_at")
    list_filter = ("notified_at",)
    raw_id_fields = ("variant",)
    search_fields = ("email", "variant__sku")
