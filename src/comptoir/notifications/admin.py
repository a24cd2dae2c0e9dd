from django.contrib import admin
from django.http import HttpRequest

from .models import PendingJob


@admin.register(PendingJob)
class PendingJobAdmin(admin.ModelAdmin):
    """What waits for a mail server or a broker: read-only; ``run_pending_jobs`` retries it."""

    list_display = ("path", "attempts", "run_after", "given_up_at", "created_at")
    list_filter = ("given_up_at",)
    readonly_fields = ("path", "kwargs", "attempts", "run_after", "last_error", "given_up_at", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
