"""Availability, said once (inventory/models.py): on hand minus reserved, in Python and in SQL alike."""

import pytest

from comptoir.inventory.models import StockRecord, available_stock
from comptoir.inventory.selectors import available_quantities
from tests.factories import VariantFactory

pytestmark = pytest.mark.django_db


def test_available_is_on_hand_minus_reserved_everywhere():
    held = VariantFactory(on_hand=7)
    StockRecord.objects.filter(variant=held).update(reserved=3)
    empty = VariantFactory(on_hand=2)
    StockRecord.objects.filter(variant=empty).update(reserved=2)
    records = StockRecord.objects.annotate(left=available_stock()).order_by("variant_id")
    assert [(record.available, record.left) for record in records] == [(4, 4), (0, 0)]
    assert available_quantities(variant_ids=[held.pk, empty.pk]) == {held.pk: 4, empty.pk: 0}
