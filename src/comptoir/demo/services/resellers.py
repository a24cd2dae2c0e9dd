"""The demo shop's resellers: a default wholesale list, a premium group, one approved shop, one pending.

Created once: each piece is looked up first, so running the demo again changes nothing the founder
has edited since.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from comptoir.catalog.models import Product, Size
from comptoir.pricing.models import PriceGroup, PriceList, Rounding
from comptoir.resellers.models import (
    ApplicationStatus,
    Buyer,
    Company,
    ExpectedVolume,
    PaymentTerms,
    Prepack,
    PrepackSize,
    ResellerApplication,
)

DEMO_BUYER_EMAIL = "boutique@revendeur.example"
DEMO_BUYER_PASSWORD = "comptoir-demo"  # noqa: S105 (the demo's published password)
PENDING_EMAIL = "bonjour@atelier-nantais.example"


def ensure_demo_resellers() -> bool:
    """True when something was created."""
    created = False
    with transaction.atomic():
        _, made = PriceList.objects.get_or_create(
            price_group=None,
            defaults={
                "name": "Tarif revendeur",
                "coefficient": Decimal("2.2"),
                "rounding": Rounding.TEN_CENTS,
                "first_order_minimum": Decimal("300.00"),
                "reorder_minimum": Decimal("150.00"),
            },
        )
        created |= made
        premium, made = PriceGroup.objects.get_or_create(name="Partenaires premium")
        created |= made
        _, made = PriceList.objects.get_or_create(
            price_group=premium,
            defaults={
                "name": "Partenaires premium",
                "coefficient": Decimal("2.4"),
                "rounding": Rounding.TEN_CENTS,
            },
        )
        created |= made
        user_model = get_user_model()
        if not Buyer.objects.filter(user__email=DEMO_BUYER_EMAIL).exists():
            user = user_model.objects.filter(
                email=DEMO_BUYER_EMAIL
            ).first() or user_model.objects.create_user(
                email=DEMO_BUYER_EMAIL, password=DEMO_BUYER_PASSWORD, first_name="Claire", last_name="Martin"
            )
            company = Company.objects.create(
                legal_name="La Mercerie Lyonnaise SARL",
                shop_name="La Mercerie",
                siren="812345676",  # its own SIREN, never the seller's; its VAT number is that SIREN's
                vat_number="FR19812345676",
                line1="12 rue Mercière",
                postcode="69002",
                city="Lyon",
                country="FR",
                payment_terms=PaymentTerms.NET_30,
            )
            Buyer.objects.create(user=user, company=company, is_admin=True)
            ResellerApplication.objects.create(
                shop_name=company.shop_name,
                legal_name=company.legal_name,
                company_number=company.siren,
                vat_number=company.vat_number,
                line1=company.line1,
                postcode=company.postcode,
                city=company.city,
                country="FR",
                first_name="Claire",
                last_name="Martin",
                email=DEMO_BUYER_EMAIL,
                expected_volume=ExpectedVolume.MEDIUM,
                status=ApplicationStatus.APPROVED,
                company=company,
            )
            created = True
        if not ResellerApplication.objects.filter(email=PENDING_EMAIL).exists():
            ResellerApplication.objects.create(
                shop_name="L'Atelier nantais",
                legal_name="Atelier Nantais SAS",
                company_number="51234567900017",  # a SIRET of its own SIREN, whose VAT number follows
                vat_number="FR75512345679",
                line1="5 rue Crébillon",
                postcode="44000",
                city="Nantes",
                country="FR",
                website="@atelier.nantais",
                first_name="Hugo",
                last_name="Le Goff",
                email=PENDING_EMAIL,
                expected_volume=ExpectedVolume.SMALL,
                message="Nous ouvrons une deuxième boutique au printemps.",
            )
            created = True
        created |= _ensure_demo_prepack()
    return created


def _ensure_demo_prepack() -> bool:
    """« Assortiment 1-2-2-1 » on the first published product sold in four sizes or more."""
    if Prepack.objects.exists():
        return False
    for product in Product.objects.sellable().order_by("position", "pk"):
        sizes = sorted(
            Size.objects.filter(variant__product=product, variant__is_active=True).distinct(),
            key=lambda size: (size.position, size.pk),
        )
        if len(sizes) >= 4:
            prepack = Prepack.objects.create(product=product, name="Assortiment 1-2-2-1")
            PrepackSize.objects.bulk_create(
                [
                    PrepackSize(prepack=prepack, size=size, quantity=quantity)
                    for size, quantity in zip(sizes[:4], (1, 2, 2, 1), strict=True)
                ]
            )
            return True
    return False
