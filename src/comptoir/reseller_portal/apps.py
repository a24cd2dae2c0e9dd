from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResellerPortalConfig(AppConfig):
    name = "comptoir.reseller_portal"
    label = "reseller_portal"
    verbose_name = _("Espace revendeurs")
