"""Discount and gift card codes cannot be guessed by trying: ten different wrong codes from one
address, or for one email, and no code is tried for them for a quarter of an hour, not even a right one
(a forged X-Forwarded-For changes nothing: no trusted proxy is configured)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from comptoir.orders.models import Order
from tests.factories.promotions import DiscountCodeFactory
from tests.storefront.test_checkout_page import filled, in_cart, shipping_and_payments, shirt  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_cart")]

TOO_MANY = "Beaucoup de codes erronés en peu de temps : réessayez dans un quart d&#x27;heure."


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def try_code(
    client,
    code: str,
    *,
    email: str = "camille@example.com",
    forged: str = "",
    place: bool = False,
    address: str = "203.0.113.7",
):
    changes = {"discount_code": code, "email": email}
    if not place:
        changes |= {"place": None, "refresh": "1"}
    return client.post(
        reverse("storefront:checkout"),
        filled(client, **changes),
        HTTP_X_FORWARDED_FOR=forged,
        REMOTE_ADDR=address,
    )


def test_ten_wrong_codes_and_even_the_right_one_is_not_tried_nor_the_order_placed(client):
    DiscountCodeFactory(code="ETE10", value=Decimal("10"))
    answers = [try_code(client, f"FAUX{n}", forged=f"10.0.0.{n}").status_code for n in range(10)]
    assert answers == [200] * 10

    refused = try_code(client, "ETE10", forged="10.9.9.9", place=True)

    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert "Code ETE10 appliqué." not in refused.content.decode()
    assert not Order.objects.exists()


def test_the_same_wrong_code_as_the_page_refreshes_counts_once(client):
    DiscountCodeFactory(code="ETE10", value=Decimal("10"))
    for _ in range(15):
        try_code(client, "ETE1O")
    page = try_code(client, "ete10")
    assert page.status_code == 200
    assert "Code ETE10 appliqué." in page.content.decode()


def test_one_email_trying_codes_from_many_addresses_is_limited(client):
    for n in range(10):
        try_code(client, f"FAUX{n}", email="bot@spam.example", address=f"198.51.100.{n}")
    assert try_code(client, "FAUX99", email="bot@spam.example", address="192.0.2.1").status_code == 429
    assert try_code(client, "FAUX99", email="camille@example.com", address="192.0.2.1").status_code == 200
