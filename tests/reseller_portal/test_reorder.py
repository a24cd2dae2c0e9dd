"""Reorder a past order in one click; what cannot be had any more is listed."""

import pytest

from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.inventory.models import StockRecord
from comptoir.resellers.models import DraftOrderLine
from comptoir.resellers.services.draft_orders import set_grid_quantities
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_order(run):
    _price_list, product, variants = run
    buyer = BuyerFactory()
    set_grid_quantities(
        buyer=buyer,
        product=product,
        quantities={variants[0].pk: 2, variants[1].pk: 4, variants[2].pk: 4, variants[3].pk: 2},
    )
    [order] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key="k", language="fr"
    )
    return buyer, order, variants


def test_one_click_puts_the_lines_back_and_lists_what_is_missing(client, past_order):
    buyer, order, variants = past_order
    variants[0].is_active = False
    variants[0].save()
    StockRecord.objects.filter(variant=variants[1]).update(on_hand=7)  # 4 reserved: 3 left
    StockRecord.objects.filter(variant=variants[2]).update(on_hand=4)  # 4 reserved: none left
    client.force_login(buyer.user)
    response = client.post(f"/fr/pro/commandes/{order.number}/recommander/", follow=True)
    html = response.content.decode()
    assert dict(DraftOrderLine.objects.values_list("variant_id", "quantity")) == {
        variants[1].pk: 3,
        variants[3].pk: 2,
    }
    assert "Chemise Oxford (Blanc / S) : n&#x27;est plus au catalogue." in html
    assert "Chemise Oxford (Blanc / M) : 3 pièce(s) sur 4, le stock ne permet pas plus." in html
    assert "Chemise Oxford (Blanc / L) : épuisé." in html
    assert "5 pièces ajoutées à votre commande en préparation." in html


def test_another_company_cannot_reorder_an_order_it_does_not_own(client, past_order):
    _buyer, order, _variants = past_order
    client.force_login(BuyerFactory().user)
    assert client.post(f"/fr/pro/commandes/{order.number}/recommander/").status_code == 404
    assert DraftOrderLine.objects.count() == 0
