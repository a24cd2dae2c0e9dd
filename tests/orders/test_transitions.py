"""Every whole-order move of the lifecycle table, allowed and refused, with its dates, audit event, stock
and email; and the status subsets derived from the table. The moves of an order leaving in parts depend
on the pieces already shipped, not only on the status: test_ship_order_part.py has them."""

from __future__ import annotations

import datetime as dt

import pytest

from comptoir.inventory.models import StockRecord
from comptoir.orders import emails, state
from comptoir.orders.errors import OrderTransitionRefused
from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.orders.services.accept_return import accept_return
from comptoir.orders.services.cancel_order import cancel_order
from comptoir.orders.services.mark_order_delivered import mark_order_delivered
from comptoir.orders.services.mark_order_paid import mark_order_paid
from comptoir.orders.services.pack_order import pack_order
from comptoir.orders.services.refund_order import refund_order
from comptoir.orders.services.ship_order import ship_order
from comptoir.orders.state import ALLOWED_TRANSITIONS
from tests.factories import UserFactory, VariantFactory
from tests.factories.orders import expected_counters, order_with_stock

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)

# The one service that makes each move, and the date it sets.
SERVICES = {
    OrderStatus.PAID: (mark_order_paid, "paid_at"),
    OrderStatus.PACKED: (pack_order, "packed_at"),
    OrderStatus.SHIPPED: (ship_order, "shipped_at"),
    OrderStatus.DELIVERED: (mark_order_delivered, "delivered_at"),
    OrderStatus.CANCELLED: (cancel_order, "cancelled_at"),
    OrderStatus.RETURNED: (accept_return, "returned_at"),
    OrderStatus.REFUNDED: (refund_order, "refunded_at"),
}
# The emails orders sends itself. « paid » and « shipped » carry the invoice: the workflow sends them
# (tests/workflow/test_order_emails.py).
EMAILS = {
    OrderStatus.CANCELLED: ["cancelled"],
    OrderStatus.DELIVERED: ["delivered"],
}

IN_PARTS = OrderStatus.PARTLY_SHIPPED
ALLOWED = [
    (source, target)
    for source, targets in ALLOWED_TRANSITIONS.items()
    for target in sorted(targets)
    if IN_PARTS not in (source, target)
]
REFUSED = [
    (source, target)
    for source in ALLOWED_TRANSITIONS
    for target in SERVICES
    if target not in ALLOWED_TRANSITIONS[source] and target != source and source != IN_PARTS
]


def call(service, order, *, actor=None, actor_label="staff"):
    if service is mark_order_delivered:
        return service(order=order, actor=actor, actor_label=actor_label, delivered_at=NOW)
    return service(order=order, actor=actor, actor_label=actor_label, now=NOW)


@pytest.fixture
def queued_emails(monkeypatch):
    queued: list[tuple[int, str]] = []
    monkeypatch.setattr(
        emails, "queue_order_email", lambda *, order_id, kind: queued.append((order_id, kind))
    )
    return queued


def counters(variant) -> tuple[int, int]:
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


def test_the_table_has_a_service_for_every_target_status():
    targets = {target for targets in ALLOWED_TRANSITIONS.values() for target in targets}
    assert targets == set(SERVICES) | {IN_PARTS}
    assert len(ALLOWED) == 15
    assert len(REFUSED) == 9 * 7 - 15 - 7  # every other (from, to) pair but "stay where you are"
    assert ALLOWED_TRANSITIONS[IN_PARTS] == {OrderStatus.SHIPPED}  # never cancelled once pieces left


def test_each_status_subset_is_derived_from_the_table():
    S = OrderStatus
    assert {S.PLACED} == state.READY_TO_PAY
    # A reseller's order on payment terms (confirmed) is packed like a paid one.
    assert {S.PAID, S.CONFIRMED} == state.READY_TO_PACK
    assert {S.CONFIRMED, S.PAID, S.PACKED, S.PARTLY_SHIPPED} == state.SHIPPABLE_IN_PARTS
    assert {S.PLACED, S.CONFIRMED, S.PAID, S.PACKED} == state.CANCELLABLE
    assert {S.PAID, S.PACKED, S.CANCELLED, S.RETURNED} == state.REFUNDABLE
    assert {S.PLACED, S.CONFIRMED, S.PAID, S.PACKED, S.PARTLY_SHIPPED, S.SHIPPED} == state.IN_PROGRESS
    assert {S.CONFIRMED, S.PAID, S.PACKED, S.PARTLY_SHIPPED, S.SHIPPED, S.DELIVERED} == state.SOLD
    assert {S.CANCELLED, S.REFUNDED} == state.CALLED_OFF
    assert {S.CONFIRMED, S.PACKED, S.PARTLY_SHIPPED, S.SHIPPED, S.DELIVERED} == state.ON_TERMS_PATH
    assert [status for status in S if state.can_pack(status)] == [S.CONFIRMED, S.PAID]


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_an_allowed_move_sets_status_date_event_stock_and_email(
    source, target, queued_emails, django_capture_on_commit_callbacks
):
    founder = UserFactory(is_staff=True)
    variant = VariantFactory(on_hand=10)
    order = order_with_stock(status=source, variant=variant, quantity=2)
    service, date_field = SERVICES[target]

    with django_capture_on_commit_callbacks(execute=True):
        moved = call(service, order, actor=founder)

    moved.refresh_from_db()
    assert moved.status == target
    assert getattr(moved, date_field) == NOW
    event = OrderEvent.objects.get(order=order)
    assert (event.kind, event.from_status, event.to_status) == ("status_changed", source, target)
    assert (event.actor, event.actor_label) == (founder, "staff")
    assert counters(variant) == expected_counters(status=target, on_hand=10, quantity=2)
    assert queued_emails == [(order.pk, kind) for kind in EMAILS.get(target, [])]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_a_refused_move_says_why_and_changes_nothing(
    source, target, queued_emails, django_capture_on_commit_callbacks
):
    variant = VariantFactory(on_hand=10)
    order = order_with_stock(status=source, variant=variant, quantity=2)
    before = counters(variant)
    service, date_field = SERVICES[target]

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(OrderTransitionRefused) as refused:
        call(service, order)

    assert order.number in refused.value.message
    assert (refused.value.from_status, refused.value.to_status) == (source, target)
    order.refresh_from_db()
    assert order.status == source
    assert getattr(order, date_field) is None
    assert not OrderEvent.objects.filter(order=order).exists()
    assert counters(variant) == before
    assert queued_emails == []


def test_refusal_message_names_both_statuses():
    order = order_with_stock(status=OrderStatus.DELIVERED, number="ML-26-000123")
    with pytest.raises(OrderTransitionRefused) as refused:
        cancel_order(order=order, actor_label="staff")
    assert (
        refused.value.message
        == "La commande ML-26-000123 est « Livrée » : elle ne peut pas passer à « Annulée »."
    )


@pytest.mark.parametrize("target", list(SERVICES))
def test_repeating_a_move_finds_it_done_and_changes_nothing(
    target, queued_emails, django_capture_on_commit_callbacks
):
    variant = VariantFactory(on_hand=10)
    order = order_with_stock(status=target, variant=variant, quantity=2)
    before = counters(variant)
    with django_capture_on_commit_callbacks(execute=True):
        again = call(SERVICES[target][0], order)
    assert again.status == target
    assert not OrderEvent.objects.filter(order=order).exists()
    assert counters(variant) == before
    assert queued_emails == []


def test_a_move_needs_someone_to_answer_for_it():
    order = order_with_stock(status=OrderStatus.PAID)
    with pytest.raises(ValueError):
        pack_order(order=order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID


def test_paid_records_the_payment_reference_and_who_reported_it(
    queued_emails, django_capture_on_commit_callbacks
):
    order = order_with_stock(status=OrderStatus.PLACED)
    with django_capture_on_commit_callbacks(execute=True):
        mark_order_paid(order=order, actor_label="stripe", payment_reference="pi_3Nabc", now=NOW)
    event = OrderEvent.objects.get(order=order)
    assert (event.actor, event.actor_label, event.data) == (None, "stripe", {"payment_reference": "pi_3Nabc"})


def test_shipping_keeps_the_tracking_number_for_the_order_story():
    order = order_with_stock(status=OrderStatus.PACKED, shipping_carrier="colissimo")
    ship_order(order=order, actor_label="staff", tracking_number=" 6A12345678901 ", now=NOW)
    order.refresh_from_db()
    assert order.tracking_number == "6A12345678901"
    event = OrderEvent.objects.get(order=order)
    assert event.data == {"carrier": "colissimo", "tracking_number": "6A12345678901"}


def test_an_email_is_not_queued_when_the_move_rolls_back(queued_emails, django_capture_on_commit_callbacks):
    from django.db import transaction

    order = order_with_stock(status=OrderStatus.PLACED)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                cancel_order(order=order, actor_label="staff")
                raise RuntimeError("the caller fails after the move")
        except RuntimeError:
            pass
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert queued_emails == []


def test_lines_whose_variant_was_deleted_move_no_stock():
    variant = VariantFactory(on_hand=10)
    order = order_with_stock(status=OrderStatus.PAID, variant=variant, quantity=1)
    StockRecord.objects.filter(variant=variant).update(reserved=0)
    variant.delete()
    cancel_order(order=order, actor_label="staff")
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
