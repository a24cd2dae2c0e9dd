"""A prepack ordered by the pack on the grid becomes plain variant lines: draft, stock and order alike."""

import pytest

from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.inventory.models import StockRecord
from comptoir.resellers.models import DraftOrderLine, Prepack, PrepackSize
from comptoir.resellers.services.draft_orders import GridRefused, set_grid_quantities
from tests.factories import ColourFactory, VariantFactory
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepack(run):
    _price_list, product, variants = run
    pack = Prepack.objects.create(product=product, name="Assortiment 1-2-2-1")
    for variant, quantity in zip(variants, (1, 2, 2, 1), strict=True):
        PrepackSize.objects.create(prepack=pack, size=variant.size, quantity=quantity)
    return pack


def test_two_packs_on_the_grid_expand_into_sizes_and_add_to_typed_cells(client, run, prepack):
    _price_list, product, variants = run
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    url = f"/fr/pro/catalogue/{product.slug}/"
    page = client.get(url).content.decode()
    assert "Assortiment 1-2-2-1" in page
    white = variants[0].colour
    response = client.post(url, {f"pack-{prepack.pk}-{white.pk}": "2", f"qty-{variants[0].pk}": "1"})
    assert response.status_code == 302
    lines = dict(DraftOrderLine.objects.values_list("variant_id", "quantity"))
    assert lines == {variants[0].pk: 3, variants[1].pk: 4, variants[2].pk: 4, variants[3].pk: 2}
    [order] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key="k", language="fr"
    )
    assert sorted((line.sku, line.quantity) for line in order.lines.all()) == sorted(
        (variant.sku, quantity) for variant, quantity in zip(variants, (3, 4, 4, 2), strict=True)
    )
    assert [StockRecord.objects.get(variant=variant).reserved for variant in variants] == [3, 4, 4, 2]


def test_packs_beyond_the_stock_are_refused_with_the_short_size(run, prepack):
    _price_list, product, variants = run
    StockRecord.objects.filter(variant=variants[1]).update(on_hand=5)
    with pytest.raises(GridRefused) as refusal:
        set_grid_quantities(
            buyer=BuyerFactory(),
            product=product,
            quantities={},
            packs={(prepack.pk, variants[0].colour_id): 3},
        )
    assert refusal.value.messages == ["Blanc / M : 5 pièce(s) disponible(s), 6 demandée(s)."]
    assert DraftOrderLine.objects.count() == 0


def test_a_pack_in_a_colour_missing_a_size_is_refused(run, prepack):
    _price_list, product, variants = run
    navy = ColourFactory(name_fr="Marine")
    VariantFactory(product=product, size=variants[0].size, colour=navy)
    with pytest.raises(GridRefused) as refusal:
        set_grid_quantities(
            buyer=BuyerFactory(), product=product, quantities={}, packs={(prepack.pk, navy.pk): 1}
        )
    assert "Assortiment 1-2-2-1 : la taille M n'existe pas dans cette couleur." in refusal.value.messages


def test_a_pack_of_another_product_is_refused(prepack):
    other = VariantFactory()
    with pytest.raises(GridRefused):
        set_grid_quantities(
            buyer=BuyerFactory(), product=other.product, quantities={}, packs={(prepack.pk, None): 1}
        )
