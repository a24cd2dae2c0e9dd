"""What the checklist reads of the shop, in one place: where the brand, the legal identity, the payment
methods and the delivery rates are kept today (settings, ``invoicing.SellerSettings``, the payments
registry, the shipping grid) and the shop's identity (``comptoir.shop``'s profile).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from comptoir.invoicing.models import SellerSettings
from comptoir.invoicing.seller import current_seller
from comptoir.payments.providers.registry import enabled_codes
from comptoir.shipping.models import WeightBand
from comptoir.shop.profile import current_profile

from .services.demo_rows import still_the_demos

# What the legal notice and every invoice must state (Code de commerce R123-237), as the form names them.
IDENTITY_FIELDS: tuple[tuple[str, Promise], ...] = (
    ("legal_name", _("raison sociale")),
    ("legal_form", _("forme juridique")),
    ("siret", _("SIRET")),
    ("vat_number", _("numéro de TVA")),
    ("address", _("adresse du siège")),
)


def brand_name() -> str:
    return current_profile().shop_name.strip()


def missing_identity_fields() -> list[str]:
    """The identity fields still empty, by their label. Until she saves her own identity on the cockpit
    (or the operator sets it in the environment), every field counts as missing: the values standing in,
    or saved by the demo's build and untouched since, are the demo's."""
    saved = SellerSettings.objects.filter(pk=SellerSettings.SINGLETON_PK).first()
    if (saved is None or still_the_demos(saved)) and not settings.COMPTOIR_SELLER_FROM_ENVIRONMENT:
        return [str(label) for _field, label in IDENTITY_FIELDS]
    seller = current_seller()
    return [str(label) for field, label in IDENTITY_FIELDS if not str(getattr(seller, field) or "").strip()]


def real_payment_methods() -> list[str]:
    """The payment methods checkout offers that would bring her money: a transfer once her own bank
    details are saved (the account standing in is the demo's), Stripe once its key is set; never the
    demo's provider, which takes none."""
    saved = SellerSettings.objects.filter(pk=SellerSettings.SINGLETON_PK).exclude(iban="").first()
    bank_is_hers = settings.COMPTOIR_BANK_FROM_ENVIRONMENT or (
        saved is not None and not still_the_demos(saved)
    )
    usable = {"bank_transfer": bank_is_hers, "stripe": bool(current_profile().stripe_secret_key)}
    return [code for code in enabled_codes() if usable.get(code, False)]


def has_delivery_rate() -> bool:
    """At least one offered delivery method with a price for some weight."""
    return WeightBand.objects.filter(method__is_active=True).exists()
