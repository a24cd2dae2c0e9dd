"""A company A with a key, a company B with its own, and a shirt priced by the default wholesale list."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from comptoir.resellers.models import Buyer
from comptoir.resellers.services.api_keys import create_api_key
from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory, PriceListItemFactory


@dataclass
class Caller:
    buyer: Buyer
    key: str
    client: Client

    def get(self, path: str, **extra: Any) -> Any:
        return self.client.get(path, HTTP_AUTHORIZATION=f"Bearer {self.key}", **extra)

    def post(self, path: str, data: Any, *, idempotency_key: str | None = "order-1", **extra: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.key}", **extra}
        if idempotency_key is not None:
            headers["HTTP_IDEMPOTENCY_KEY"] = idempotency_key
        return self.client.post(path, data, content_type="application/json", **headers)


def caller(buyer: Buyer) -> Caller:
    return Caller(buyer=buyer, key=create_api_key(buyer=buyer, name="Site web").clear_key, client=Client())


@pytest.fixture
def shirt():
    """A shirt in white, S M L XL, 50,00 € HT a piece (120 TTC / 1.2 / 2), 10 pieces each; M at 43,21."""
    price_list = PriceListFactory(coefficient=Decimal("2"))
    product = ProductFactory(retail_price=Decimal("120.00"), name_fr="Chemise Oxford")
    white = ColourFactory(name_fr="Blanc")
    sizes = [
        SizeFactory(label=label, position=position) for position, label in enumerate(["S", "M", "L", "XL"])
    ]
    variants = [VariantFactory(product=product, size=size, colour=white) for size in sizes]
    PriceListItemFactory(price_list=price_list, variant=variants[1], net_price=Decimal("43.21"))
    return price_list, product, variants


@pytest.fixture
def company_a(shirt):
    return caller(BuyerFactory())


@pytest.fixture
def company_b(shirt):
    return caller(BuyerFactory())
