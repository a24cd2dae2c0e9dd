"""The admin (« Données » in the cockpit) is the owner's tool: it opens to active staff who are
superusers or hold ``accounts.open_admin``. Packing staff work in the cockpit's packing screens only,
which show no price, no total and no customer beyond the shipping address.

Every admin action declares the permission it needs (tests/security/test_admin_permissions.py);
Django offers an action without one to anyone who can read the list. Two come from libraries
without one: they are given theirs here.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest

OPEN_ADMIN = "accounts.open_admin"

LIBRARY_ACTIONS = {"make_verified": ("change",)}  # allauth's: vouches for an email address
# django-axes' « clean up expired attempts » answers 500 outside a sign-in (it reads an attribute its
# sign-in handler sets) and declares no permission; expired attempts are ignored anyway.
BROKEN_ACTIONS = {"cleanup_expired_attempts"}


class ComptoirAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and user.has_perm(OPEN_ADMIN))


class ComptoirAdminConfig(AdminConfig):
    default_site = "comptoir.config.admin_site.ComptoirAdminSite"

    def ready(self) -> None:
        super().ready()  # autodiscovers every app's admin.py
        for model_admin in admin.site._registry.values():
            actions = list(model_admin.actions or ())
            if BROKEN_ACTIONS & set(actions):
                model_admin.actions = [action for action in actions if action not in BROKEN_ACTIONS]
            for action in model_admin.actions or ():
                if isinstance(action, str) and action in LIBRARY_ACTIONS:
                    function = getattr(type(model_admin), action)
                    if not getattr(function, "allowed_permissions", None):
                        function.allowed_permissions = LIBRARY_ACTIONS[action]
