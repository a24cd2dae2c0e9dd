from decimal import Decimal

import pytest
from django.contrib.auth import authenticate

from comptoir.demo.services.resellers import (
    DEMO_BUYER_EMAIL,
    DEMO_BUYER_PASSWORD,
    ensure_demo_resellers,
)
from comptoir.pricing.models import PriceGroup, PriceList, Rounding
from comptoir.pricing.policy import WholesalePolicy
from comptoir.resellers.models import ApplicationStatus, Buyer, Company, Prepack, ResellerApplication
from comptoir.resellers.selectors import wholesale_policy_for

pytestmark = pytest.mark.django_db


def test_the_demo_has_lists_an_approved_shop_and_a_pending_application():
    assert ensure_demo_resellers() is True
    default = PriceList.objects.get(price_group=None)
    assert (default.coefficient, default.rounding) == (Decimal("2.200"), Rounding.TEN_CENTS)
    assert PriceGroup.objects.filter(name="Partenaires premium").exists()
    user = authenticate(email=DEMO_BUYER_EMAIL, password=DEMO_BUYER_PASSWORD)
    assert user is not None
    assert isinstance(wholesale_policy_for(user=user), WholesalePolicy)
    assert ResellerApplication.objects.filter(status=ApplicationStatus.PENDING).count() == 1


def test_running_it_again_changes_nothing():
    ensure_demo_resellers()
    PriceList.objects.filter(price_group=None).update(coefficient=Decimal("2.5"))
    assert ensure_demo_resellers() is False
    assert PriceList.objects.get(price_group=None).coefficient == Decimal("2.500")
    assert (Company.objects.count(), Buyer.objects.count(), ResellerApplication.objects.count()) == (1, 1, 2)


def test_the_demo_offers_a_prepack_on_a_product_sold_in_four_sizes():
    from tests.factories import ProductFactory, SizeFactory, VariantFactory

    product = ProductFactory()
    for position, label in enumerate(["S", "M", "L", "XL"]):
        VariantFactory(product=product, size=SizeFactory(label=label, position=position))
    ensure_demo_resellers()
    prepack = Prepack.objects.get()
    assert prepack.product == product
    assert [(part.size.label, part.quantity) for part in prepack.sizes.all()] == [
        ("S", 1),
        ("M", 2),
        ("L", 2),
        ("XL", 1),
    ]
    assert PriceList.objects.get(price_group=None).first_order_minimum == Decimal("300.00")


def test_the_demo_shops_carry_their_own_numbers_never_the_sellers(settings):
    from stdnum.fr import tva

    from comptoir.resellers.identifiers import siren_of

    ensure_demo_resellers()
    seller_siren = settings.COMPTOIR_SELLER["siren"]
    for company in Company.objects.all():
        assert company.siren != seller_siren
        assert tva.is_valid(company.vat_number) and company.vat_number[4:] == company.siren
    for application in ResellerApplication.objects.all():
        siren = siren_of(application.company_number)
        assert siren != seller_siren
        assert tva.is_valid(application.vat_number) and application.vat_number[4:] == siren
