"""Forty buyers click "Commander" at once for the last five shirts: five orders, never a sixth."""

from __future__ import annotations

import pytest
from django.db.models import F, Sum

from comptoir.checkout.errors import OutOfStock
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order, OrderLine
from tests.checkout.conftest import colissimo_option
from tests.concurrency.boutique import buy, cart_with
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db(transaction=True)

BUYERS = 40
LAST_PIECES = 5


def test_forty_buyers_for_the_last_five_pieces(threads_database):
    variant = VariantFactory(on_hand=LAST_PIECES)
    other = VariantFactory(on_hand=100)  # a second line, so buyers lock two rows in the same order
    carts = [cart_with([(other, 1), (variant, 1)]) for _ in range(BUYERS)]
    shipping = colissimo_option()

    outcomes = run_at_once(
        lambda index: buy(
            cart=carts[index], index=index, key=f"race-buyer-{index:04d}-key", shipping=shipping
        ),
        threads=BUYERS,
    )

    unexpected = [
        repr(o.error) for o in outcomes if o.error is not None and not isinstance(o.error, OutOfStock)
    ]
    assert unexpected == []
    placed = [o.result for o in outcomes if o.error is None]
    refused = [o.error for o in outcomes if isinstance(o.error, OutOfStock)]
    assert (len(placed), len(refused)) == (LAST_PIECES, BUYERS - LAST_PIECES)
    assert Order.objects.count() == LAST_PIECES
    assert OrderLine.objects.filter(variant=variant).aggregate(sold=Sum("quantity"))["sold"] == LAST_PIECES
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (LAST_PIECES, LAST_PIECES)
    other_record = StockRecord.objects.get(variant=other)
    assert (other_record.on_hand, other_record.reserved) == (100, LAST_PIECES)  # losers held nothing
    assert not StockRecord.objects.filter(reserved__gt=F("on_hand")).exists()
    assert all(refusal.shortages[0].available == 0 for refusal in refused)
    # Winners' carts are empty, losers' carts untouched.
    assert sorted(cart.lines.count() for cart in carts) == [0] * LAST_PIECES + [2] * (BUYERS - LAST_PIECES)


def test_ten_identical_submissions_at_once_make_one_order(threads_database):
    variant = VariantFactory(on_hand=LAST_PIECES)
    carts = [cart_with([(variant, 2)]) for _ in range(10)]
    shipping = colissimo_option()

    outcomes = run_at_once(
        lambda index: buy(cart=carts[index], index=0, key="one-double-clicked-form-key", shipping=shipping),
        threads=10,
    )

    assert [repr(o.error) for o in outcomes if o.error is not None] == []
    assert len({o.result.pk for o in outcomes}) == 1
    assert Order.objects.count() == 1
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (LAST_PIECES, 2)
