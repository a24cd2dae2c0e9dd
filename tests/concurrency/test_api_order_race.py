"""A shop's system retries an API order while the first attempt is still running: one order, never two."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order
from comptoir.resellers.services.api_keys import create_api_key
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 8


def test_the_same_idempotency_key_sent_eight_times_at_once_places_one_order(threads_database):
    PriceListFactory(coefficient=Decimal("2"))
    variant = VariantFactory(on_hand=20)
    key = create_api_key(buyer=BuyerFactory(), name="ERP").clear_key
    body = {"purchase_order_reference": "PO-77", "lines": [{"sku": variant.sku, "quantity": 2}]}

    def post(index: int):
        response = Client().post(
            "/api/v1/orders",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
            HTTP_IDEMPOTENCY_KEY="retry-me",
        )
        return response.status_code, [order["number"] for order in response.json().get("orders", [])]

    outcomes = run_at_once(post, threads=ATTEMPTS)

    assert [repr(outcome.error) for outcome in outcomes if outcome.error is not None] == []
    [number] = Order.objects.values_list("number", flat=True)
    assert [outcome.result for outcome in outcomes] == [(201, [number])] * ATTEMPTS
    assert StockRecord.objects.get(variant=variant).reserved == 2
