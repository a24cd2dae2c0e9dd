from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MerchandisingConfig(AppConfig):
    """The catalogue as it is sold and stocked: products with their prices and stock, read together
    (listings, search, product pages) and written together (the catalogue sheet, the product admin)."""

    name = "comptoir.merchandising"
    label = "merchandising"
    verbose_name = _("Catalogue en vente")
