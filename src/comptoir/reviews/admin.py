from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Review, ReviewStatus
from .services.write_review import moderate_reviews


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("product", "rating", "name", "status", "created_at")
    list_filter = ("status", "rating")
    search_fields = ("product__name_fr", "body", "name")
    readonly_fields = ("order", "product", "name", "rating", "body", "status", "purchased_at", "published_at")
    actions = ("approve", "reject")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Publier"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Review]) -> None:
        moderate_reviews(review_ids=list(queryset.values_list("pk", flat=True)), status=ReviewStatus.APPROVED)

    @admin.action(description=_("Refuser"), permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Review]) -> None:
        moderate_reviews(review_ids=list(queryset.values_list("pk", flat=True)), status=ReviewStatus.REJECTED)
