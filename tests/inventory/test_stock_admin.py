"""The founder counts her shelves in the admin; reservations are shown, never typed."""

import pytest

from comptoir.inventory.models import StockRecord
from tests.factories import UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))


def test_the_stock_page_shows_on_hand_reserved_and_available(client, founder):
    variant = VariantFactory(on_hand=7, sku="OXF-BLU-39")
    StockRecord.objects.filter(variant=variant).update(reserved=3)
    response = client.get(f"/fr/admin/inventory/stockrecord/{variant.stock.pk}/change/")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="on_hand"' in content
    assert 'name="reserved"' not in content
    assert response.context["adminform"].form.instance.available == 4


def test_lowering_stock_below_what_orders_hold_is_refused_with_a_reason(client, founder):
    variant = VariantFactory(on_hand=7)
    record = StockRecord.objects.get(variant=variant)
    StockRecord.objects.filter(pk=record.pk).update(reserved=3)
    response = client.post(
        f"/fr/admin/inventory/stockrecord/{record.pk}/change/",
        {"variant": variant.pk, "on_hand": 2, "low_stock_threshold": 3, "location": ""},
    )
    assert response.status_code == 200
    assert "3 pièces sont réservées par des commandes à expédier" in response.content.decode()
    record.refresh_from_db()
    assert (record.on_hand, record.reserved) == (7, 3)


def test_saving_a_new_count_changes_on_hand_and_location_only(client, founder):
    variant = VariantFactory(on_hand=7)
    record = StockRecord.objects.get(variant=variant)
    StockRecord.objects.filter(pk=record.pk).update(reserved=2)
    response = client.post(
        f"/fr/admin/inventory/stockrecord/{record.pk}/change/",
        {"variant": variant.pk, "on_hand": 9, "low_stock_threshold": 3, "location": "B2", "reserved": 0},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.on_hand, record.reserved, record.location) == (9, 2, "B2")
