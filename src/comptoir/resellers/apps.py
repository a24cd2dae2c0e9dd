from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResellersConfig(AppConfig):
    name = "comptoir.resellers"
    label = "resellers"
    verbose_name = _("Revendeurs")
