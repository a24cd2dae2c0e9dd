from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Address, User


class AddressInline(admin.StackedInline):
    model = Address
    extra = 0
    fields = (
        ("first_name", "last_name", "company"),
        ("line1", "line2"),
        ("postcode", "city", "country"),
        ("phone", "is_default"),
    )


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = (AddressInline,)
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "date_joined")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Identité"), {"fields": ("first_name", "last_name", "preferred_language")}),
        (_("Droits"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class StaffTOTPDeviceAdmin(TOTPDeviceAdmin):
    """Two-factor devices: their secrets stay hidden (OTP_ADMIN_HIDE_SENSITIVE_DATA, a 403 for a
    device that exists); a device that does not exist is a 404, never the library's 500."""

    def config_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, StaffTOTPDeviceAdmin)
