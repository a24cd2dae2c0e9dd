from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChoresConfig(AppConfig):
    name = "comptoir.chores"
    label = "chores"
    verbose_name = _("Tâches automatiques")
