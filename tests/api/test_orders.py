"""Placing, listing and reading orders through the API: the grid's rules, once per Idempotency-Key."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order
from comptoir.resellers.models import DraftOrderLine, Prepack, PrepackSize, ProductOrderRule
from comptoir.resellers.services.draft_orders import set_grid_quantities
from tests.factories import ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db

ORDERS = "/api/v1/orders"


def order_body(*lines, reference="PO-2026-114", **extra):
    return {
        "purchase_order_reference": reference,
        "lines": [{"sku": sku, "quantity": quantity} for sku, quantity in lines],
        **extra,
    }


def reserved(variant):
    return StockRecord.objects.get(variant=variant).reserved


def test_an_order_is_placed_at_the_company_prices_with_its_reference(company_a, shirt, mailoutbox):
    _price_list, _product, variants = shirt
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2), (variants[1].ean13, 3)))
    assert response.status_code == 201, response.json()
    [placed] = response.json()["orders"]
    order = Order.objects.get()
    assert placed["number"] == order.number
    assert order.company == company_a.buyer.company
    assert order.purchase_order_reference == "PO-2026-114"
    assert placed["purchase_order_reference"] == "PO-2026-114"
    assert [(line["sku"], line["quantity"], line["unit_price_net"]) for line in placed["lines"]] == [
        (variants[0].sku, 2, "50.00"),
        (variants[1].sku, 3, "43.21"),
    ]
    assert placed["total_net"] == "229.63"  # 2 × 50 + 3 × 43,21
    # French VAT rounded once on the total HT at 20 %: 229,63 × 20 % = 45,926 → 45,93 (never 3 × 8,64).
    assert placed["total_gross"] == "275.56"
    assert (reserved(variants[0]), reserved(variants[1])) == (2, 3)


def test_a_retried_post_with_the_same_key_never_places_twice(company_a, shirt):
    _price_list, _product, variants = shirt
    body = order_body((variants[0].sku, 2))
    first = company_a.post(ORDERS, body, idempotency_key="8c5e-1")
    again = company_a.post(ORDERS, body, idempotency_key="8c5e-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Order.objects.count() == 1
    assert reserved(variants[0]) == 2
    other = company_a.post(ORDERS, body, idempotency_key="8c5e-2")
    assert other.status_code == 201
    assert Order.objects.count() == 2


def test_one_company_key_never_finds_another_companys_order(company_a, company_b, shirt):
    _price_list, _product, variants = shirt
    body = order_body((variants[0].sku, 1))
    company_b.post(ORDERS, body, idempotency_key="same")
    assert company_a.post(ORDERS, body, idempotency_key="same").status_code == 201
    assert Order.objects.filter(company=company_a.buyer.company).count() == 1
    assert Order.objects.filter(company=company_b.buyer.company).count() == 1


def test_the_idempotency_key_is_required(company_a, shirt):
    _price_list, _product, variants = shirt
    response = company_a.post(ORDERS, order_body((variants[0].sku, 1)), idempotency_key=None)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert Order.objects.count() == 0


@pytest.mark.parametrize("reference", ["", "   "])
def test_the_purchase_order_reference_is_required(company_a, shirt, reference):
    _price_list, _product, variants = shirt
    response = company_a.post(ORDERS, order_body((variants[0].sku, 1), reference=reference))
    assert response.status_code == 422
    assert Order.objects.count() == 0


def test_pack_multiples_and_minimums_are_refused_naming_the_line_and_the_rule(company_a, shirt):
    _price_list, product, variants = shirt
    ProductOrderRule.objects.create(product=product, minimum_quantity=8, pack_multiple=2)
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2), (variants[1].sku, 3)))
    assert response.status_code == 409  # a rule of the shop, not a malformed request
    body = response.json()
    assert body["code"] == "order_refused"
    assert [(error["rule"], error["sku"], error["message"]) for error in body["errors"]] == [
        (
            "pack_multiple",
            variants[1].sku,
            "Chemise Oxford (Blanc / M) : se commande par 2 (3 pièces saisies).",
        ),
        (
            "minimum_quantity",
            None,
            "Chemise Oxford : 8 pièces au minimum par commande (5 pour l'instant).",
        ),
    ]
    assert Order.objects.count() == 0
    assert reserved(variants[0]) == 0
    # Fixed, the same key places it: a refusal claims nothing.
    fixed = company_a.post(ORDERS, order_body((variants[0].sku, 4), (variants[1].sku, 4)))
    assert fixed.status_code == 201


def test_the_first_order_minimum_value_is_refused(company_a, shirt):
    price_list, _product, variants = shirt
    price_list.first_order_minimum = Decimal("300")
    price_list.save()
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2)))
    assert response.status_code == 409  # a rule of the shop, not a malformed request
    [error] = response.json()["errors"]
    assert error["rule"] == "first_order_minimum"
    assert "300,00" in error["message"]


def test_every_bad_line_is_named_and_nothing_is_placed(company_a, shirt):
    _price_list, _product, variants = shirt
    withdrawn = VariantFactory(product=ProductFactory(status="draft"))
    response = company_a.post(
        ORDERS, order_body((variants[0].sku, 2), ("NO-SUCH-SKU", 1), (withdrawn.sku, 1))
    )
    assert response.status_code == 409  # a rule of the shop, not a malformed request
    assert [(error["line"], error["rule"], error["sku"]) for error in response.json()["errors"]] == [
        (2, "unknown_code", "NO-SUCH-SKU"),
        (3, "not_on_sale", withdrawn.sku),
    ]
    assert Order.objects.count() == 0


def test_a_quantity_out_of_bounds_is_refused_with_its_line(company_a, shirt):
    _price_list, _product, variants = shirt
    response = company_a.post(ORDERS, order_body((variants[0].sku, 1), (variants[1].sku, 0)))
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["line"] == 2 and error["field"].endswith("lines.1.quantity")


def test_beyond_the_stock_the_order_is_refused_and_nothing_is_reserved(company_a, shirt):
    _price_list, _product, variants = shirt
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2), (variants[1].sku, 11)))
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "out_of_stock"
    assert [error["rule"] for error in body["errors"]] == ["stock"]
    assert "M" in body["errors"][0]["message"]
    assert reserved(variants[0]) == 0 and Order.objects.count() == 0


def test_an_empty_order_is_refused(company_a, shirt):
    response = company_a.post(ORDERS, order_body())
    assert response.status_code == 409  # a rule of the shop, not a malformed request
    assert response.json()["errors"][0]["rule"] == "empty_order"


def test_packs_expand_into_sizes_as_on_the_grid(company_a, shirt):
    _price_list, product, variants = shirt
    pack = Prepack.objects.create(product=product, name="Assortiment 1-2-2-1")
    for variant, quantity in zip(variants, (1, 2, 2, 1), strict=True):
        PrepackSize.objects.create(prepack=pack, size=variant.size, quantity=quantity)
    white = variants[0].colour
    response = company_a.post(
        ORDERS,
        order_body((variants[0].sku, 1), packs=[{"prepack_id": pack.pk, "colour": white.slug, "packs": 2}]),
    )
    assert response.status_code == 201, response.json()
    [placed] = response.json()["orders"]
    assert [(line["sku"], line["quantity"]) for line in placed["lines"]] == [
        (variant.sku, quantity) for variant, quantity in zip(variants, (3, 4, 4, 2), strict=True)
    ]


def test_an_unknown_pack_or_colour_is_named(company_a, shirt):
    _price_list, product, variants = shirt
    pack = Prepack.objects.create(product=product, name="Assortiment 1-1")
    PrepackSize.objects.create(prepack=pack, size=variants[0].size, quantity=1)
    response = company_a.post(
        ORDERS,
        order_body(
            packs=[
                {"prepack_id": 999_999, "packs": 1},
                {"prepack_id": pack.pk, "colour": "no-such-colour", "packs": 1},
            ]
        ),
    )
    assert response.status_code == 409  # a rule of the shop, not a malformed request
    assert [(error["pack"], error["rule"]) for error in response.json()["errors"]] == [
        (1, "unknown_prepack"),
        (2, "unknown_colour"),
    ]


def test_a_pre_order_takes_no_stock_and_makes_its_own_order(company_a, shirt):
    _price_list, _product, variants = shirt
    today = timezone.localdate()
    winter = VariantFactory(
        on_hand=0,
        product=ProductFactory(
            preorder_cutoff=today + timedelta(days=10),
            preorder_ships_from=today + timedelta(days=60),
            preorder_ships_until=today + timedelta(days=90),
        ),
    )
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2), (winter.sku, 12)))
    assert response.status_code == 201, response.json()
    now_order, preorder = response.json()["orders"]
    assert now_order["preorder_ships_from"] is None
    assert preorder["preorder_ships_from"] == str(today + timedelta(days=60))
    assert [line["sku"] for line in preorder["lines"]] == [winter.sku]
    assert reserved(winter) == 0 and reserved(variants[0]) == 2


def test_the_api_leaves_the_companys_draft_alone(company_a, shirt):
    _price_list, product, variants = shirt
    set_grid_quantities(buyer=company_a.buyer, product=product, quantities={variants[3].pk: 4})
    assert company_a.post(ORDERS, order_body((variants[0].sku, 2))).status_code == 201
    assert list(DraftOrderLine.objects.values_list("variant_id", "quantity")) == [(variants[3].pk, 4)]
    [line] = Order.objects.get().lines.all()
    assert line.sku == variants[0].sku


def test_orders_are_listed_and_read_with_status_and_lines(company_a, shirt):
    _price_list, _product, variants = shirt
    company_a.post(ORDERS, order_body((variants[0].sku, 2)), idempotency_key="a")
    company_a.post(ORDERS, order_body((variants[1].sku, 1), reference="PO-2"), idempotency_key="b")
    listing = company_a.get(ORDERS).json()
    assert listing["count"] == 2
    assert [order["purchase_order_reference"] for order in listing["items"]] == ["PO-2", "PO-2026-114"]
    number = listing["items"][1]["number"]
    detail = company_a.get(f"{ORDERS}/{number}").json()
    assert detail["status"] == "placed"
    assert detail["status_label"] == "Passée, en attente de paiement"
    assert [(line["sku"], line["quantity"]) for line in detail["lines"]] == [(variants[0].sku, 2)]


def test_another_companys_order_is_a_404(company_a, company_b, shirt):
    _price_list, _product, variants = shirt
    company_b.post(ORDERS, order_body((variants[0].sku, 2)))
    number = Order.objects.get().number
    response = company_a.get(f"{ORDERS}/{number}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert company_a.get(ORDERS).json()["count"] == 0
    assert company_a.get(f"{ORDERS}/NO-SUCH").status_code == 404


def test_a_gift_card_is_refused_naming_its_line_and_nothing_is_placed(company_a, shirt):
    _price_list, _product, variants = shirt
    card = VariantFactory(product=ProductFactory(is_gift_card=True, vat_rate=Decimal("0")))
    response = company_a.post(ORDERS, order_body((variants[0].sku, 2), (card.sku, 1)))
    assert response.status_code == 409
    assert [(error["line"], error["rule"], error["sku"]) for error in response.json()["errors"]] == [
        (2, "gift_card", card.sku)
    ]
    assert Order.objects.count() == 0
