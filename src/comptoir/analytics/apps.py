from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "comptoir.analytics"
    verbose_name = _("Mesure d'audience")
    default_auto_field = "django.db.models.BigAutoField"
