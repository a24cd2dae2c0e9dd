from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    name = "comptoir.storefront"
    label = "storefront"
    verbose_name = _("Boutique")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .cart_session import merge_at_sign_in
        from .page_cache import watch_shown_rows

        user_logged_in.connect(merge_at_sign_in, dispatch_uid="storefront-merge-cart-at-sign-in")
        watch_shown_rows()
