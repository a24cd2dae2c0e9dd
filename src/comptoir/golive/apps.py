from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoLiveConfig(AppConfig):
    name = "comptoir.golive"
    label = "golive"
    verbose_name = _("Ouverture de la boutique")
