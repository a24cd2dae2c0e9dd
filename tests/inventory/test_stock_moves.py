"""Reserve, release, consume, restock: the counters move exactly, or not at all."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from comptoir.inventory.models import Availability, StockRecord
from comptoir.inventory.selectors import available_quantities
from comptoir.inventory.services.consume_stock import consume_stock
from comptoir.inventory.services.release_stock import release_stock
from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.services.restock import restock
from comptoir.inventory.stock_lines import InsufficientStock, StockLine, StockMoveRefused
from tests.factories import ProductFactory, SizeFactory, VariantFactory

pytestmark = pytest.mark.django_db


def counters(variant) -> tuple[int, int]:
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


def test_reserving_holds_pieces_without_taking_them_off_the_shelf():
    variant = VariantFactory(on_hand=5)
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=2)])
    assert counters(variant) == (5, 2)
    assert StockRecord.objects.get(variant=variant).available == 3


def test_two_lines_of_one_variant_count_together():
    variant = VariantFactory(on_hand=3)
    with pytest.raises(InsufficientStock):
        reserve_stock(
            lines=[StockLine(variant_id=variant.pk, quantity=2), StockLine(variant_id=variant.pk, quantity=2)]
        )
    assert counters(variant) == (3, 0)


def test_a_shortage_lists_every_line_short_and_reserves_none():
    product = ProductFactory(name_fr="Chemise Oxford")
    plenty = VariantFactory(product=product, on_hand=10)
    short = VariantFactory(product=product, size=SizeFactory(label="41"), on_hand=2)
    gone = VariantFactory(product=product, size=SizeFactory(label="42"), on_hand=1)
    StockRecord.objects.filter(variant=gone).update(reserved=1)

    with pytest.raises(InsufficientStock) as raised:
        reserve_stock(
            lines=[
                StockLine(variant_id=plenty.pk, quantity=4),
                StockLine(variant_id=short.pk, quantity=3),
                StockLine(variant_id=gone.pk, quantity=1),
            ]
        )

    shortages = {(s.variant_id, s.requested, s.available) for s in raised.value.shortages}
    assert shortages == {(short.pk, 3, 2), (gone.pk, 1, 0)}
    assert counters(plenty) == (10, 0)  # reserved before the failing lines, rolled back
    assert counters(short) == (2, 0)
    assert counters(gone) == (1, 1)
    messages = raised.value.messages
    assert any("41" in message and "plus que 2 pièces disponibles" in message for message in messages)
    assert any("42" in message and "épuisé" in message for message in messages)


def test_a_shortage_caught_inside_a_larger_transaction_still_undoes_the_earlier_lines():
    first, second = VariantFactory(on_hand=4), VariantFactory(on_hand=0)
    with transaction.atomic():
        with pytest.raises(InsufficientStock):
            reserve_stock(
                lines=[
                    StockLine(variant_id=first.pk, quantity=4),
                    StockLine(variant_id=second.pk, quantity=1),
                ]
            )
        assert counters(first) == (4, 0)


def test_a_variant_without_a_stock_record_is_sold_out():
    variant = VariantFactory(on_hand=1)
    StockRecord.objects.filter(variant=variant).delete()
    with pytest.raises(InsufficientStock) as raised:
        reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=1)])
    assert raised.value.shortages[0].available == 0


@pytest.mark.parametrize("quantity", [0, -1])
def test_quantities_must_be_positive(quantity):
    variant = VariantFactory(on_hand=5)
    with pytest.raises(ValueError):
        reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=quantity)])
    assert counters(variant) == (5, 0)


def test_release_gives_back_what_was_held():
    variant = VariantFactory(on_hand=5)
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=3)])
    release_stock(lines=[StockLine(variant_id=variant.pk, quantity=3)])
    assert counters(variant) == (5, 0)


def test_releasing_more_than_reserved_is_refused_and_changes_nothing():
    first, second = VariantFactory(on_hand=5), VariantFactory(on_hand=5)
    reserve_stock(
        lines=[StockLine(variant_id=first.pk, quantity=2), StockLine(variant_id=second.pk, quantity=1)]
    )
    with pytest.raises(StockMoveRefused):
        release_stock(
            lines=[StockLine(variant_id=first.pk, quantity=2), StockLine(variant_id=second.pk, quantity=2)]
        )
    assert counters(first) == (5, 2)
    assert counters(second) == (5, 1)


def test_shipping_consumes_the_reserved_pieces():
    variant = VariantFactory(on_hand=5)
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=2)])
    consume_stock(lines=[StockLine(variant_id=variant.pk, quantity=2)])
    assert counters(variant) == (3, 0)


def test_consuming_what_was_never_reserved_is_refused():
    variant = VariantFactory(on_hand=5)
    with pytest.raises(StockMoveRefused):
        consume_stock(lines=[StockLine(variant_id=variant.pk, quantity=1)])
    assert counters(variant) == (5, 0)


def test_restock_puts_returned_pieces_back_on_the_shelf():
    variant = VariantFactory(on_hand=0)
    without_record = VariantFactory(on_hand=0)
    StockRecord.objects.filter(variant=without_record).delete()
    restock(
        lines=[
            StockLine(variant_id=variant.pk, quantity=2),
            StockLine(variant_id=without_record.pk, quantity=1),
        ]
    )
    assert counters(variant) == (2, 0)
    assert counters(without_record) == (1, 0)


def test_the_database_refuses_more_reserved_than_on_hand():
    variant = VariantFactory(on_hand=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(variant=variant).update(reserved=3)
    assert counters(variant) == (2, 0)


def test_the_database_refuses_negative_reserved():
    variant = VariantFactory(on_hand=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(variant=variant).update(reserved=-1)


def test_saving_a_stale_copy_never_overwrites_reservations():
    variant = VariantFactory(on_hand=5)
    stale = StockRecord.objects.get(variant=variant)
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=2)])
    stale.location = "B3"
    stale.save()
    assert counters(variant) == (5, 2)
    assert StockRecord.objects.get(variant=variant).location == "B3"


def test_on_hand_cannot_be_set_below_what_orders_hold():
    variant = VariantFactory(on_hand=5)
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=3)])
    record = StockRecord.objects.get(variant=variant)
    record.on_hand = 2
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    assert raised.value.message_dict["on_hand"] == [
        "3 pièces sont réservées par des commandes à expédier : le stock ne peut pas descendre en dessous."
    ]


@pytest.mark.parametrize(
    ("on_hand", "reserved", "expected"),
    [
        (10, 0, Availability.IN_STOCK),
        (10, 7, Availability.LOW),
        (4, 4, Availability.SOLD_OUT),
        (4, 1, Availability.LOW),
    ],
)
def test_availability_counts_what_is_not_reserved(on_hand, reserved, expected):
    variant = VariantFactory(on_hand=on_hand)
    StockRecord.objects.filter(variant=variant).update(reserved=reserved)
    assert StockRecord.objects.get(variant=variant).availability == expected


def test_available_quantities_in_one_query(django_assert_num_queries):
    first, second = VariantFactory(on_hand=5), VariantFactory(on_hand=3)
    missing = VariantFactory(on_hand=0)
    StockRecord.objects.filter(variant=missing).delete()
    StockRecord.objects.filter(variant=first).update(reserved=2)
    with django_assert_num_queries(1):
        quantities = available_quantities(variant_ids=[first.pk, second.pk, missing.pk])
    assert quantities == {first.pk: 3, second.pk: 3, missing.pk: 0}
