from __future__ import annotations

import csv
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .models import (
    Comment,
    CommentStatus,
    Event,
    EventMessage,
    Registration,
    RegistrationStatus,
    RejectedAttempt,
)
from .services.event_emails import send_event_message
from .services.moderate import moderate_comments, reply_as_author


class CommentForm(forms.ModelForm):
    reply = forms.CharField(
        label=_("Répondre en tant qu'autrice"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Publié aussitôt sous ce commentaire ; la personne est prévenue si elle l'a demandé."),
    )

    class Meta:
        model = Comment
        fields: list[str] = []


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentForm
    list_display = ("name", "short_body", "post", "status", "created_at", "is_author_reply")
    list_filter = ("status", "is_author_reply", "post")
    search_fields = ("name", "email", "body")
    readonly_fields = (
        "post",
        "parent",
        "name",
        "email",
        "website",
        "body",
        "status",
        "created_at",
        "published_at",
    )
    actions = ("approve", "reject", "mark_spam")
    list_select_related = ("post",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("commentaire"))
    def short_body(self, comment: Comment) -> str:
        # Escaped by the admin like every value: a commenter's HTML is shown as text.
        return comment.body[:80] + ("…" if len(comment.body) > 80 else "")

    def save_model(self, request: HttpRequest, obj: Comment, form: Any, change: bool) -> None:
        text = form.cleaned_data.get("reply", "").strip()
        if text:
            reply_as_author(comment=obj, body=text, author=request.user)  # type: ignore[arg-type]
            if obj.status == CommentStatus.PENDING:
                moderate_comments(comment_ids=[obj.pk], status=CommentStatus.APPROVED)
            self.message_user(request, _("Réponse publiée."))

    def _moderate(self, request: HttpRequest, queryset: QuerySet[Comment], status: str) -> None:
        count = moderate_comments(comment_ids=list(queryset.values_list("pk", flat=True)), status=status)
        self.message_user(
            request,
            ngettext("%(count)d commentaire modéré.", "%(count)d commentaires modérés.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publier"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.APPROVED)

    @admin.action(description=_("Refuser"), permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.REJECTED)

    @admin.action(description=_("Marquer comme indésirable"), permissions=["change"])
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.SPAM)


@admin.register(RejectedAttempt)
class RejectedAttemptAdmin(admin.ModelAdmin):
    list_display = ("reason", "created_at")
    list_filter = ("reason",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    can_delete = False
    fields = ("name", "email", "company", "status", "created_at", "promoted_at", "cancelled_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class EventMessageInline(admin.StackedInline):
    model = EventMessage
    extra = 0
    fields = ("subject", "body", "sent_at")
    readonly_fields = ("sent_at",)


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin):
    list_display = (
        "title",
        "starts_at",
        "place_name",
        "capacity",
        "seats_taken",
        "waitlisted",
        "is_published",
    )
    list_filter = ("is_published",)
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}
    readonly_fields = ("seats_taken",)
    inlines = (RegistrationInline, EventMessageInline)
    actions = ("export_attendees", "send_messages")

    @admin.display(description=_("en attente"))
    def waitlisted(self, event: Event) -> int:
        return event.registrations.filter(status=RegistrationStatus.WAITLISTED).count()

    @admin.action(description=_("Exporter les inscrits en CSV"), permissions=["view"])
    def export_attendees(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inscrits.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["rencontre", "nom", "email", "societe", "statut", "inscription"])
        registrations = (
            Registration.objects.filter(event__in=queryset)
            .select_related("event")
            .order_by("event__starts_at", "created_at")
        )
        for registration in registrations:
            writer.writerow(
                [
                    registration.event.title,
                    registration.name,
                    registration.email,
                    registration.company,
                    registration.status,
                    registration.created_at.isoformat(),
                ]
            )
        return response

    @admin.action(description=_("Envoyer les messages en attente aux inscrits"), permissions=["change"])
    def send_messages(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        sent = 0
        for message in EventMessage.objects.filter(event__in=queryset, sent_at__isnull=True):
            sent += send_event_message(message_id=message.pk)
        self.message_user(request, _("%(count)d message(s) envoyé(s).") % {"count": sent})
