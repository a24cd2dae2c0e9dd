from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comptoir.core.money import Money, format_money
from comptoir.resellers.models import DraftOrderLine
from comptoir.resellers.services.draft_orders import GridRefused, set_grid_quantities
from comptoir.shop.profile import current_profile
from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory, VolumeTierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    """A shirt in 2 colours × 2 sizes, 50,00 € HT each (120 TTC / 1.2 / 2), 10 pieces per cell but one."""
    price_list = PriceListFactory(coefficient=Decimal("2"))
    VolumeTierFactory(price_list=price_list, min_quantity=12, discount_percent=Decimal("10"))
    product = ProductFactory(retail_price=Decimal("120.00"))
    small, medium = SizeFactory(label="S"), SizeFactory(label="M")
    white, blue = ColourFactory(name_fr="Blanc"), ColourFactory(name_fr="Bleu")
    cells = {
        (white, small): VariantFactory(product=product, size=small, colour=white),
        (white, medium): VariantFactory(product=product, size=medium, colour=white),
        (blue, small): VariantFactory(product=product, size=small, colour=blue),
        (blue, medium): VariantFactory(product=product, size=medium, colour=blue, on_hand=2),
    }
    return product, list(cells.values())


def test_a_size_run_goes_into_the_company_draft_priced_with_the_tier_of_the_whole_run(client, shirt):
    product, variants = shirt
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    url = f"/fr/pro/catalogue/{product.slug}/"
    page = client.get(url).content.decode()
    assert f'name="qty-{variants[0].pk}"' in page
    response = client.post(
        url, {f"qty-{variants[0].pk}": "4", f"qty-{variants[1].pk}": "6", f"qty-{variants[2].pk}": "2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/pro/commande/"
    lines = {line.variant_id: line.quantity for line in DraftOrderLine.objects.all()}
    assert lines == {variants[0].pk: 4, variants[1].pk: 6, variants[2].pk: 2}
    html = client.get("/fr/pro/commande/").content.decode()
    # 12 pieces of the product reach the −10 % tier: 45,00 € HT each, 540,00 € HT, 648,00 € TTC
    assert format_money(Money(Decimal("45.00"))) in html
    assert format_money(Money(Decimal("540.00"))) in html
    assert format_money(Money(Decimal("648.00"))) in html
    # the grid shows the draft again
    assert 'value="6"' in client.get(url).content.decode()


def test_a_grid_replaces_the_product_lines_and_zero_removes_a_cell(shirt):
    product, variants = shirt
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 4, variants[1].pk: 2})
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 0, variants[1].pk: 3})
    assert list(DraftOrderLine.objects.values_list("variant_id", "quantity")) == [(variants[1].pk, 3)]


def test_every_bad_cell_is_named_and_nothing_changes(client, shirt):
    product, variants = shirt
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 1})
    other_product_variant = VariantFactory()
    with pytest.raises(GridRefused) as refusal:
        set_grid_quantities(
            buyer=buyer,
            product=product,
            quantities={variants[0].pk: 5, variants[3].pk: 3, other_product_variant.pk: 1},
        )
    assert len(refusal.value.messages) == 2
    assert "2 pièce(s) disponible(s), 3 demandée(s)" in refusal.value.messages[1]
    assert list(DraftOrderLine.objects.values_list("variant_id", "quantity")) == [(variants[0].pk, 1)]
    client.force_login(buyer.user)
    response = client.post(
        f"/fr/pro/catalogue/{product.slug}/", {f"qty-{variants[3].pk}": "3", f"qty-{variants[0].pk}": "7"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "3 demandée(s)" in html
    assert 'value="7"' in html  # what was typed is kept


def test_a_draft_belongs_to_its_company_only(client, shirt):
    product, variants = shirt
    mine, theirs = BuyerFactory(), BuyerFactory()
    set_grid_quantities(buyer=theirs, product=product, quantities={variants[0].pk: 9})
    client.force_login(mine.user)
    html = client.get("/fr/pro/commande/").content.decode()
    assert variants[0].sku not in html
    assert 'value="9"' not in client.get(f"/fr/pro/catalogue/{product.slug}/").content.decode()


def test_a_colleague_sees_the_same_draft(client, shirt):
    product, variants = shirt
    first = BuyerFactory()
    colleague = BuyerFactory(company=first.company, is_admin=False)
    set_grid_quantities(buyer=first, product=product, quantities={variants[0].pk: 2})
    client.force_login(colleague.user)
    assert variants[0].sku in client.get("/fr/pro/commande/").content.decode()


def test_anonymous_and_consumers_cannot_post_a_grid(client, shirt):
    product, variants = shirt
    response = client.post(f"/fr/pro/catalogue/{product.slug}/", {f"qty-{variants[0].pk}": "1"})
    assert response.status_code == 302
    assert DraftOrderLine.objects.count() == 0


def test_the_grid_and_the_draft_cost_the_same_queries_whatever_their_size(client, shirt):
    product, variants = shirt
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 1})
    current_profile()  # the shop's identity is read once, then served from the cache

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries.captured_queries)

    grid_before, draft_before = count(f"/fr/pro/catalogue/{product.slug}/"), count("/fr/pro/commande/")
    for size in (SizeFactory(label="XL"), SizeFactory(label="XXL")):
        VariantFactory(product=product, size=size, colour=variants[0].colour)
    everything = {variant.pk: 1 for variant in product.variants.all() if variant.pk != variants[3].pk}
    set_grid_quantities(buyer=buyer, product=product, quantities=everything)
    assert count(f"/fr/pro/catalogue/{product.slug}/") == grid_before
    assert count("/fr/pro/commande/") == draft_before
