"""Maison Lavande's identity: its brand, sender, workshop and legal identity, written by the demo's build.

The demo's names and numbers live here and only here: a shop started without the demo
(``start_shop``) begins with a blank identity that the founder fills in the cockpit's setup.
"""

from __future__ import annotations

from decimal import Decimal

from comptoir.demo.services.content import DEMO_PUBLISHER
from comptoir.invoicing.models import SellerSettings
from comptoir.invoicing.services.update_seller_settings import update_seller_settings
from comptoir.shop.models import ShopProfile
from comptoir.shop.services.update_shop_profile import update_shop_profile

DEMO_BRAND = "Maison Lavande"
DEMO_PROFILE = {
    "brand_name": DEMO_BRAND,
    "tagline": "Chemises coupées à Paris",
    "sender_name": DEMO_BRAND,
    "sender_email": "boutique@comptoir.example",
    "shipper_company": DEMO_BRAND,
    "shipper_line1": "12 rue Oberkampf",
    "shipper_postcode": "75011",
    "shipper_city": "Paris",
    "shipper_country": "FR",
    "shipper_email": "atelier@maison-lavande.example",
    "shipper_phone": "0102030405",
    "packaging_grams": 150,
    "publication_director": DEMO_PUBLISHER,
    "bank_transfer_enabled": True,
}
DEMO_SELLER = {
    "legal_name": "Maison Lavande SAS",
    "legal_form": "SAS",
    "share_capital": Decimal("10000"),
    "address": "12 rue Oberkampf\n75011 Paris\nFrance",
    "siret": "73282932000017",
    "rcs": "RCS Paris 732 829 320",
    "vat_number": "FR44732829320",
    "late_payment_rate": Decimal("12.15"),
    "default_payment_terms": "net_30",
    "bank_holder": DEMO_BRAND,
    "iban": "FR7630006000011234567890189",
    "bic": "AGRIFRPP882",
}


def ensure_demo_identity() -> bool:
    """Write Maison Lavande's profile and seller settings unless saved already; True if written."""
    written = False
    if not ShopProfile.objects.exists():
        update_shop_profile(values=DEMO_PROFILE)
        written = True
    if not SellerSettings.objects.exists():
        update_seller_settings(values=DEMO_SELLER)
        written = True
    return written
