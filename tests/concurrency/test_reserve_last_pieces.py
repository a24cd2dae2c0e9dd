"""Forty reservations at once for five pieces: five succeed, the stock never oversells."""

from __future__ import annotations

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine
from tests.concurrency.helpers import run_at_once
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_forty_reservations_for_the_last_five_pieces(threads_database):
    variant = VariantFactory(on_hand=5)

    outcomes = run_at_once(
        lambda index: reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=1)]), threads=40
    )

    errors = [o.error for o in outcomes if o.error is not None]
    assert [e for e in errors if not isinstance(e, InsufficientStock)] == []
    assert len(errors) == 35
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (5, 5)
