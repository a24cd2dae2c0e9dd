from decimal import Decimal

import pytest

from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory
from tests.factories.resellers import PriceListFactory


@pytest.fixture
def run():
    """A shirt in white, S M L XL, 50,00 € HT a piece (120 TTC / 1.2 / 2), 10 pieces each."""
    price_list = PriceListFactory(coefficient=Decimal("2"))
    product = ProductFactory(retail_price=Decimal("120.00"), name_fr="Chemise Oxford")
    white = ColourFactory(name_fr="Blanc")
    labels = ["S", "M", "L", "XL"]
    sizes = [SizeFactory(label=label, position=position) for position, label in enumerate(labels)]
    variants = [VariantFactory(product=product, size=size, colour=white) for size in sizes]
    return price_list, product, variants
