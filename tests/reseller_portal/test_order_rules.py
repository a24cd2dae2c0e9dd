"""Minimums of pieces per product, sizes by the pack, and a minimum order value: named, and enforced."""

from decimal import Decimal

import pytest

from comptoir.checkout.errors import OrderRulesNotMet
from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order, OrderStatus
from comptoir.resellers.models import DraftOrderLine, ProductOrderRule
from comptoir.resellers.services.draft_orders import GridRefused, set_grid_quantities
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


def place(buyer, key="k"):
    [order] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key=key, language="fr"
    )
    return order


def test_a_size_off_its_pack_multiple_is_refused_on_the_grid_with_its_name(run):
    _price_list, product, variants = run
    ProductOrderRule.objects.create(product=product, pack_multiple=2)
    buyer = BuyerFactory()
    with pytest.raises(GridRefused) as refusal:
        set_grid_quantities(
            buyer=buyer, product=product, quantities={variants[0].pk: 2, variants[1].pk: 3, variants[2].pk: 5}
        )
    assert refusal.value.messages == [
        "Chemise Oxford (Blanc / M) : se commande par 2 (3 pièces saisies).",
        "Chemise Oxford (Blanc / L) : se commande par 2 (5 pièces saisies).",
    ]
    assert DraftOrderLine.objects.count() == 0


def test_a_product_under_its_minimum_is_refused_on_the_grid(client, run):
    _price_list, product, variants = run
    ProductOrderRule.objects.create(product=product, minimum_quantity=6)
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    response = client.post(
        f"/fr/pro/catalogue/{product.slug}/", {f"qty-{variants[0].pk}": "2", f"qty-{variants[1].pk}": "2"}
    )
    assert response.status_code == 400
    assert (
        "Chemise Oxford : 6 pièces au minimum par commande (4 pour l&#x27;instant)."
        in response.content.decode()
    )
    assert DraftOrderLine.objects.count() == 0
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 3, variants[1].pk: 3})
    assert DraftOrderLine.objects.count() == 2


def test_a_rule_tightened_after_the_grid_blocks_the_order_and_the_draft_says_why(client, run):
    _price_list, product, variants = run
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 3})
    ProductOrderRule.objects.create(product=product, pack_multiple=2, minimum_quantity=4)
    client.force_login(buyer.user)
    html = client.get("/fr/pro/commande/").content.decode()
    assert "Chemise Oxford (Blanc / S) : se commande par 2 (3 pièces saisies)." in html
    assert "Chemise Oxford : 4 pièces au minimum par commande (3 pour l&#x27;instant)." in html
    with pytest.raises(OrderRulesNotMet) as refusal:
        place(buyer)
    assert len(refusal.value.messages) == 2
    assert Order.objects.count() == 0
    assert StockRecord.objects.get(variant=variants[0]).reserved == 0
    response = client.post(
        "/fr/pro/commande/passer/", {"purchase_order_reference": "PO", "idempotency_key": "z"}
    )
    assert response.status_code == 400
    assert Order.objects.count() == 0


def test_a_first_order_and_a_reorder_have_their_own_minimum_value(run):
    price_list, product, variants = run
    price_list.first_order_minimum = Decimal("300.00")
    price_list.reorder_minimum = Decimal("150.00")
    price_list.save()
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 4})  # 200,00 € HT
    with pytest.raises(OrderRulesNotMet) as refusal:
        place(buyer)
    assert refusal.value.messages == [
        "Première commande : 300,00\xa0€ HT au minimum (votre commande : 200,00\xa0€ HT)."
    ]
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 6})  # 300,00 € HT
    first = place(buyer, key="first")
    assert first.total_net == Decimal("300.00")
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[1].pk: 2})  # 100,00 € HT
    with pytest.raises(OrderRulesNotMet) as refusal:
        place(buyer, key="second")
    assert refusal.value.messages == [
        "Réassort : 150,00\xa0€ HT au minimum (votre commande : 100,00\xa0€ HT)."
    ]
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[1].pk: 3})
    assert place(buyer, key="third").total_net == Decimal("150.00")


def test_a_cancelled_first_order_does_not_count_as_a_first_order(run):
    price_list, product, variants = run
    price_list.first_order_minimum = Decimal("300.00")
    price_list.save()
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 6})
    first = place(buyer, key="first")
    Order.objects.filter(pk=first.pk).update(status=OrderStatus.CANCELLED)
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[1].pk: 2})
    with pytest.raises(OrderRulesNotMet):
        place(buyer, key="second")
