"""Factories for reseller applications, companies, their buyers and wholesale price lists."""

from __future__ import annotations

from decimal import Decimal

import factory

from comptoir.pricing.models import PriceGroup, PriceList, PriceListItem, Rounding, VolumeTier
from comptoir.resellers.models import ApplicationStatus, Buyer, Company, ResellerApplication

from . import UserFactory


class ResellerApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application from a Lyon shop with real, valid numbers."""

    class Meta:
        model = ResellerApplication

    shop_name = factory.Sequence(lambda n: f"Boutique {n}")
    legal_name = factory.Sequence(lambda n: f"Boutique {n} SARL")
    company_number = "732829320"
    vat_number = "FR40303265045"
    line1 = "12 rue Mercière"
    postcode = "69002"
    city = "Lyon"
    country = "FR"
    first_name = "Claire"
    last_name = "Martin"
    email = factory.Sequence(lambda n: f"shop{n}@revendeur.example")
    status = ApplicationStatus.PENDING


class PriceGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceGroup

    name = factory.Sequence(lambda n: f"Groupe {n}")


class PriceListFactory(factory.django.DjangoModelFactory):
    """The default list (no group) unless a group is given."""

    class Meta:
        model = PriceList

    name = factory.Sequence(lambda n: f"Tarif {n}")
    price_group = None
    coefficient = Decimal("2.000")
    rounding = Rounding.CENT


class PriceListItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceListItem

    price_list = factory.SubFactory(PriceListFactory)
    net_price = Decimal("40.00")


class VolumeTierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolumeTier

    price_list = factory.SubFactory(PriceListFactory)
    min_quantity = 24
    discount_percent = Decimal("5")


class CompanyFactory(factory.django.DjangoModelFactory):
    """An approved French company on the default list."""

    class Meta:
        model = Company

    legal_name = factory.Sequence(lambda n: f"Société {n} SAS")
    shop_name = factory.Sequence(lambda n: f"Magasin {n}")
    siren = "732829320"
    vat_number = "FR40303265045"
    line1 = "3 place du Marché"
    postcode = "33000"
    city = "Bordeaux"
    country = "FR"


class BuyerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Buyer

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    is_admin = True
