"""The catalogue at the company's prices: the grid's figures, from the one pricing path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comptoir.inventory.models import StockRecord
from comptoir.resellers.models import Prepack, PrepackSize, ProductOrderRule
from tests.factories import ProductFactory, VariantFactory
from tests.factories.resellers import BuyerFactory, VolumeTierFactory

from .conftest import caller

pytestmark = pytest.mark.django_db


def test_each_variant_carries_its_price_ht_stock_and_codes(company_a, shirt):
    _price_list, product, variants = shirt
    StockRecord.objects.filter(variant=variants[2]).update(on_hand=4, reserved=1)
    response = company_a.get("/api/v1/catalogue")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["page"] == 1
    [item] = body["items"]
    assert item["slug"] == product.slug
    assert item["name"] == "Chemise Oxford"
    assert item["currency"] == "EUR"
    assert [
        (v["sku"], v["size"], v["colour"], v["unit_price_net"], v["available"]) for v in item["variants"]
    ] == [
        (variants[0].sku, "S", "Blanc", "50.00", 10),
        (variants[1].sku, "M", "Blanc", "43.21", 10),  # the list's own price for M
        (variants[2].sku, "L", "Blanc", "50.00", 3),
        (variants[3].sku, "XL", "Blanc", "50.00", 10),
    ]
    assert item["variants"][0]["vat_rate"] == "0.2"  # a French company pays French VAT
    assert item["variants"][0]["ean13"] == variants[0].ean13


def test_the_prices_are_the_ones_the_grid_shows(company_a, shirt):
    _price_list, product, _variants = shirt
    company_a.client.force_login(company_a.buyer.user)
    grid = company_a.client.get(f"/fr/pro/catalogue/{product.slug}/").content.decode()
    assert "43,21" in grid and "50,00" in grid


def test_an_eu_company_with_a_valid_vat_number_buys_without_vat(shirt):
    german = caller(BuyerFactory(company__country="DE", company__vat_number="DE136695976"))
    [item] = german.get("/api/v1/catalogue").json()["items"]
    assert {variant["vat_rate"] for variant in item["variants"]} == {"0"}
    assert item["variants"][1]["unit_price_net"] == "43.21"


def test_rules_tiers_and_packs_are_listed_with_the_product(company_a, shirt):
    price_list, product, variants = shirt
    ProductOrderRule.objects.create(product=product, minimum_quantity=6, pack_multiple=2)
    VolumeTierFactory(price_list=price_list, min_quantity=24, discount_percent=Decimal("5"))
    VolumeTierFactory(price_list=price_list, product=product, min_quantity=60, discount_percent=Decimal("8"))
    # another product's tier is not this product's
    VolumeTierFactory(price_list=price_list, product=ProductFactory(status="draft"), min_quantity=2)
    pack = Prepack.objects.create(product=product, name="Assortiment 1-2-2-1")
    for variant, quantity in zip(variants, (1, 2, 2, 1), strict=True):
        PrepackSize.objects.create(prepack=pack, size=variant.size, quantity=quantity)
    [item] = company_a.get("/api/v1/catalogue").json()["items"]
    assert (item["minimum_quantity"], item["pack_multiple"]) == (6, 2)
    assert item["volume_tiers"] == [
        {"min_quantity": 24, "discount_percent": "5"},
        {"min_quantity": 60, "discount_percent": "8"},
    ]
    assert item["prepacks"] == [
        {
            "id": pack.pk,
            "name": "Assortiment 1-2-2-1",
            "sizes": [
                {"size": "S", "quantity": 1},
                {"size": "M", "quantity": 2},
                {"size": "L", "quantity": 2},
                {"size": "XL", "quantity": 1},
            ],
        }
    ]


def test_unpublished_products_and_withdrawn_variants_are_not_listed(company_a, shirt):
    _price_list, _product, variants = shirt
    ProductFactory(status="draft")
    variants[3].is_active = False
    variants[3].save()
    [item] = company_a.get("/api/v1/catalogue").json()["items"]
    assert [variant["sku"] for variant in item["variants"]] == [variant.sku for variant in variants[:3]]


def test_the_catalogue_is_paginated(company_a, shirt):
    for _ in range(4):
        VariantFactory(product=ProductFactory())
    first = company_a.get("/api/v1/catalogue?page_size=2").json()
    third = company_a.get("/api/v1/catalogue?page_size=2&page=3").json()
    beyond = company_a.get("/api/v1/catalogue?page_size=2&page=9").json()
    assert first["count"] == 5 and len(first["items"]) == 2
    assert len(third["items"]) == 1
    assert beyond["items"] == []
    assert company_a.get("/api/v1/catalogue?page_size=1000").status_code == 422
    assert company_a.get("/api/v1/catalogue?page=0").json()["code"] == "invalid_request"


def test_the_catalogue_costs_the_same_queries_for_1_product_as_for_11(company_a, shirt):
    company_a.get("/api/v1/catalogue")  # the key's last use is written once a minute: not in the count
    with CaptureQueriesContext(connection) as few:
        company_a.get("/api/v1/catalogue")
    for _ in range(10):
        VariantFactory(product=ProductFactory())
    with CaptureQueriesContext(connection) as many:
        company_a.get("/api/v1/catalogue")
    assert len(many) == len(few)
