from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "comptoir.shop"
    label = "shop"
    verbose_name = _("Identité de la boutique")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import ShopProfile
        from .profile import profile_changed

        # Any write of the row (the setup's services, the demo's build, a test's factory) forgets the
        # cached copy and retires the boutique's cached pages, which show the brand.
        post_save.connect(profile_changed, sender=ShopProfile, dispatch_uid="shop-profile-saved")
        post_delete.connect(profile_changed, sender=ShopProfile, dispatch_uid="shop-profile-deleted")
