"""Pre-orders: ordered before the season exists, they take no stock; one order per delivery."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order
from comptoir.orders.services.cancel_order import cancel_order
from comptoir.resellers.models import PaymentTerms
from comptoir.resellers.services.draft_orders import GridRefused, set_grid_quantities
from comptoir.resellers.services.quick_order import add_quick_order_lines
from comptoir.resellers.terms import payment_due_date
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_season():
    today = timezone.localdate()
    product = ProductFactory(
        name_fr="Surchemise Hiver",
        preorder_cutoff=today + timedelta(days=10),
        preorder_ships_from=today + timedelta(days=60),
        preorder_ships_until=today + timedelta(days=90),
    )
    return product, [VariantFactory(product=product, on_hand=0), VariantFactory(product=product, on_hand=3)]


def stock(variant):
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


def test_a_pre_order_takes_no_stock_and_a_mixed_draft_makes_one_order_per_delivery(run, next_season):
    _price_list, shirt, shirt_variants = run
    winter, winter_variants = next_season
    buyer = BuyerFactory(company__payment_terms=PaymentTerms.NET_30)
    set_grid_quantities(buyer=buyer, product=shirt, quantities={shirt_variants[0].pk: 2})
    set_grid_quantities(
        buyer=buyer, product=winter, quantities={winter_variants[0].pk: 12, winter_variants[1].pk: 6}
    )
    now_order, preorder = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO-H26", idempotency_key="k", language="fr"
    )
    assert not now_order.is_preorder and now_order.holds_stock
    assert [line.sku for line in now_order.lines.all()] == [shirt_variants[0].sku]
    assert stock(shirt_variants[0]) == (10, 2)
    assert preorder.is_preorder and not preorder.holds_stock
    assert (preorder.preorder_ships_from, preorder.preorder_ships_until) == (
        winter.preorder_ships_from,
        winter.preorder_ships_until,
    )
    assert sorted(line.quantity for line in preorder.lines.all()) == [6, 12]
    assert stock(winter_variants[0]) == (0, 0)
    assert stock(winter_variants[1]) == (3, 0)
    assert preorder.purchase_order_reference == "PO-H26"
    # terms run from the delivery
    assert preorder.payment_due_date == payment_due_date(
        terms=PaymentTerms.NET_30, placed_on=winter.preorder_ships_from
    )
    # the same submission again: the same two orders
    again = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO-H26", idempotency_key="k", language="fr"
    )
    assert again == [now_order, preorder]
    assert Order.objects.count() == 2


def test_cancelling_a_pre_order_releases_nothing(run, next_season):
    winter, winter_variants = next_season
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=winter, quantities={winter_variants[1].pk: 5})
    [preorder] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key="k", language="fr"
    )
    cancel_order(order=preorder, actor_label="system")
    assert stock(winter_variants[1]) == (3, 0)


def test_after_the_cut_off_the_product_is_bought_from_stock_again(next_season):
    winter, winter_variants = next_season
    winter.preorder_cutoff = timezone.localdate() - timedelta(days=1)
    winter.save()
    with pytest.raises(GridRefused):
        set_grid_quantities(buyer=BuyerFactory(), product=winter, quantities={winter_variants[1].pk: 5})


def test_quick_order_of_a_pre_order_ignores_stock(next_season):
    _winter, winter_variants = next_season
    buyer = BuyerFactory()
    added = add_quick_order_lines(buyer=buyer, text=f"{winter_variants[0].sku} 24")
    assert added.pieces == 24


def test_the_grid_says_pre_order_and_its_window(client, run, next_season):
    winter, _variants = next_season
    client.force_login(BuyerFactory().user)
    html = client.get(f"/fr/pro/catalogue/{winter.slug}/").content.decode()
    assert "En précommande jusqu'au" in html
    assert "disabled" not in html


def test_the_founder_sees_pre_ordered_quantities_per_variant_and_exports_them(client, run, next_season):
    winter, winter_variants = next_season
    for key in ("a", "b"):
        buyer = BuyerFactory()
        set_grid_quantities(buyer=buyer, product=winter, quantities={winter_variants[0].pk: 4})
        place_reseller_order(buyer=buyer, purchase_order_reference="PO", idempotency_key=key, language="fr")
    cancelled_buyer = BuyerFactory()
    set_grid_quantities(buyer=cancelled_buyer, product=winter, quantities={winter_variants[0].pk: 50})
    [cancelled] = place_reseller_order(
        buyer=cancelled_buyer, purchase_order_reference="PO", idempotency_key="c", language="fr"
    )
    cancel_order(order=cancelled, actor_label="system")
    founder = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(founder)
    html = client.get("/fr/atelier/precommandes/").content.decode()
    assert winter_variants[0].sku in html
    csv_text = client.get("/fr/atelier/precommandes/?export=1").content.decode("utf-8-sig")
    header, row = csv_text.strip().split("\r\n")
    assert header.startswith("Référence;Produit;Variante")
    fields = row.split(";")
    assert fields[0] == winter_variants[0].sku
    assert fields[3] == winter.preorder_ships_from.isoformat()
    assert fields[5:] == ["8", "2"]


def test_packing_staff_and_customers_do_not_see_the_pre_orders_page(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/fr/atelier/precommandes/").status_code == 403
    client.force_login(UserFactory())
    assert client.get("/fr/atelier/precommandes/").status_code == 302


def test_a_pre_order_window_needs_both_dates(db):
    from django.core.exceptions import ValidationError

    product = ProductFactory.build(preorder_cutoff=date(2026, 1, 1))
    with pytest.raises(ValidationError):
        product.clean()


def test_a_pre_order_ships_only_with_pieces_in_stock_then_consumes_them(run, next_season):
    from comptoir.inventory.stock_lines import InsufficientStock
    from comptoir.orders.services.mark_order_paid import mark_order_paid
    from comptoir.orders.services.pack_order import pack_order
    from comptoir.orders.services.ship_order import ship_order

    winter, winter_variants = next_season
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=winter, quantities={winter_variants[0].pk: 4})
    [preorder] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key="k", language="fr"
    )
    mark_order_paid(order=preorder, actor_label="system")
    pack_order(order=preorder, actor_label="system")
    with pytest.raises(InsufficientStock):
        ship_order(order=preorder, actor_label="system")
    preorder.refresh_from_db()
    assert preorder.status == "packed"
    StockRecord.objects.filter(variant=winter_variants[0]).update(on_hand=10)  # the season arrived
    ship_order(order=preorder, actor_label="system")
    assert stock(winter_variants[0]) == (6, 0)
