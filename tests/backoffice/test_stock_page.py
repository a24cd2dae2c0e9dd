"""The cockpit's stock table: filtered, corrected in place with a reason, history shown, labels printed."""

import pytest

from comptoir.inventory.models import MovementReason, StockMovement, StockRecord
from comptoir.orders.models import OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory, VariantFactory
from tests.factories.orders import order_with_stock
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client):
    user = UserFactory(is_staff=True, is_superuser=True, first_name="Claire", last_name="Martin")
    client.force_login(user)
    return user


def test_the_low_filter_shows_only_sizes_at_or_under_their_threshold(client, owner):
    VariantFactory(sku="OX-40", on_hand=20)
    VariantFactory(sku="OX-41", on_hand=2)
    page = client.get("/fr/atelier/stock/", {"state": "low"}).content.decode()
    assert "OX-41" in page and "OX-40" not in page
    page = client.get("/fr/atelier/stock/", {"q": "OX-40"}).content.decode()
    assert "OX-40" in page and "OX-41" not in page


def test_a_row_saved_in_place_returns_the_row_and_writes_the_movement(client, owner):
    variant = VariantFactory(sku="OX-40", on_hand=5)
    answer = client.post(
        f"/fr/atelier/stock/{variant.pk}/",
        {"on_hand": "9", "location": "C-2", "low_stock_threshold": "4", "reason": "received", "note": ""},
        HTTP_HX_REQUEST="true",
    )
    row = answer.content.decode()
    assert answer.status_code == 200 and row.startswith("<tr") and "Enregistré" in row
    assert 'value="9"' in row
    assert StockRecord.objects.get(variant=variant).on_hand == 9
    movement = StockMovement.objects.get(variant=variant)
    assert (movement.change, movement.reason, movement.actor) == (4, MovementReason.RECEIVED, owner)
    history = client.get(f"/fr/atelier/stock/{variant.pk}/").content.decode()
    assert "Réception de l&#x27;atelier" in history and "+4" in history and "Claire Martin" in history


def test_a_count_under_the_reservations_is_refused_with_the_reason_on_the_row(client, owner):
    order = order_with_stock(status=OrderStatus.PAID, quantity=3)
    variant = order.lines.get().variant
    answer = client.post(
        f"/fr/atelier/stock/{variant.pk}/",
        {"on_hand": "1", "location": "", "low_stock_threshold": "3", "reason": "count"},
        HTTP_HX_REQUEST="true",
    )
    assert "3 pièces sont réservées" in answer.content.decode()
    assert StockRecord.objects.get(variant=variant).on_hand == 10


def test_bad_numbers_reshow_the_form_with_messages_and_write_nothing(client, owner):
    variant = VariantFactory(on_hand=5)
    answer = client.post(
        f"/fr/atelier/stock/{variant.pk}/",
        {"on_hand": "-2", "location": "", "low_stock_threshold": "x", "reason": "shipped"},
    )
    page = answer.content.decode()
    assert answer.status_code == 422
    assert "supérieure ou égale à 0" in page and "Saisissez un nombre entier" in page
    assert "Sélectionnez un choix valide" in page  # « shipped » moves by itself, never by hand
    assert StockRecord.objects.get(variant=variant).on_hand == 5
    assert not StockMovement.objects.exists()


def test_the_label_sheet_has_one_label_per_piece_when_asked(client, owner):
    VariantFactory(sku="OX-40", on_hand=3)
    VariantFactory(sku="OX-41", on_hand=30)
    one_each = client.get("/fr/atelier/stock/etiquettes.pdf", {"q": "OX-40"})
    assert one_each["Content-Type"] == "application/pdf"
    text = pdf_text(one_each.content)
    assert text.count("OX-40") == 1
    per_piece = client.get("/fr/atelier/stock/etiquettes.pdf", {"q": "OX-40", "copies": "stock"})
    text = pdf_text(per_piece.content)
    assert text.count("OX-40") == 3


def test_packing_staff_cannot_change_counts(client):
    variant = VariantFactory(on_hand=5)
    client.force_login(packer_user())
    assert client.get("/fr/atelier/stock/").status_code == 403
    answer = client.post(
        f"/fr/atelier/stock/{variant.pk}/",
        {"on_hand": "0", "location": "", "low_stock_threshold": "3", "reason": "count"},
    )
    assert answer.status_code == 403
    assert StockRecord.objects.get(variant=variant).on_hand == 5
