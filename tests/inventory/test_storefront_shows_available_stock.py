"""The boutique shows what can still be bought: pieces held by placed orders are not for sale."""

from decimal import Decimal

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.merchandising.selectors import ProductFilters, product_listing
from comptoir.pricing.policy import policy_for
from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    product = ProductFactory(
        name_fr="Chemise Oxford", slug_fr="chemise-oxford", retail_price=Decimal("95.00")
    )
    blue = ColourFactory(slug="bleu")
    for label, on_hand, reserved in (("38", 10, 0), ("39", 6, 4), ("40", 3, 3)):
        variant = VariantFactory(
            product=product, colour=blue, size=SizeFactory(label=label, slug=f"col-{label}"), on_hand=on_hand
        )
        StockRecord.objects.filter(variant=variant).update(reserved=reserved)
    return product


def test_the_size_picker_counts_available_pieces(client, shirt):
    response = client.get("/fr/produits/chemise-oxford/", {"colour": "bleu", "size": "col-39"})
    picker = response.context["picker"]
    sizes = {choice.size.label: (choice.availability, choice.on_hand) for choice in picker.sizes}
    assert sizes == {"38": ("in_stock", 10), "39": ("low", 2), "40": ("sold_out", 0)}
    assert picker.on_hand == 2
    assert "Plus que 2 pièces disponibles" in response.content.decode()


def test_cards_and_size_filters_count_available_pieces(shirt):
    listing = product_listing(pricing_policy=policy_for(customer=None))
    assert next(card for card in listing if card.pk == shirt.pk).stock_total == 12  # 10 + 2 + 0
    filtered = product_listing(
        pricing_policy=policy_for(customer=None), filters=ProductFilters(sizes=["col-40"])
    )
    assert list(filtered) == []
    filtered = product_listing(
        pricing_policy=policy_for(customer=None), filters=ProductFilters(sizes=["col-39"])
    )
    assert list(filtered) == [shirt]


def test_a_product_whose_every_piece_is_reserved_reads_sold_out(client):
    product = ProductFactory(name_fr="Chemise Lin", slug_fr="chemise-lin")
    variant = VariantFactory(product=product, on_hand=2)
    StockRecord.objects.filter(variant=variant).update(reserved=2)
    listing = product_listing(pricing_policy=policy_for(customer=None))
    assert next(card for card in listing if card.pk == product.pk).stock_total == 0
