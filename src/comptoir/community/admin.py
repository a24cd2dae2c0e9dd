from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Comment, CommentStatus, RejectedAttempt
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

    @admin.action(description=_("Publier"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.APPROVED)

    @admin.action(description=_("Refuser"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.REJECTED)

    @admin.action(description=_("Marquer comme indésirable"))
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.SPAM)


@admin.register(RejectedAttempt)
class RejectedAttemptAdmin(admin.ModelAdmin):
    list_display = ("reason", "created_at")
    list_filter = ("reason",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
