"""The right of withdrawal: from the order's confirmation to 14 days after delivery (or the founder's
longer period), recorded with its date, acknowledged by email."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from comptoir.orders import emails
from comptoir.orders.errors import OrderTransitionRefused, WithdrawalRefused
from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.orders.services.request_withdrawal import request_withdrawal
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
# Delivered Wednesday 8 July 2026: day 14 is Wednesday 22 July, day 15 Thursday 23 July (no holiday).
DELIVERED_AT = dt.datetime(2026, 7, 8, 11, 0, tzinfo=PARIS)


@pytest.fixture
def queued_emails(monkeypatch):
    queued: list[tuple[int, str]] = []
    monkeypatch.setattr(
        emails, "queue_order_email", lambda *, order_id, kind: queued.append((order_id, kind))
    )
    return queued


def delivered_order(**fields):
    return OrderFactory(status=OrderStatus.DELIVERED, delivered_at=DELIVERED_AT, **fields)


def test_on_day_fourteen_late_evening_the_withdrawal_is_recorded_and_acknowledged(
    queued_emails, django_capture_on_commit_callbacks
):
    order = delivered_order()
    moment = dt.datetime(2026, 7, 22, 23, 30, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        request_withdrawal(order=order, actor_label="customer", now=moment)
    order.refresh_from_db()
    assert order.withdrawal_requested_at == moment
    assert order.status == OrderStatus.DELIVERED  # the return is still to come
    event = OrderEvent.objects.get(order=order)
    assert (event.kind, event.from_status, event.to_status, event.actor_label) == (
        "withdrawal_requested",
        "",
        "",
        "customer",
    )
    assert event.data == {"deadline": "2026-07-22"}
    assert queued_emails == [(order.pk, "withdrawal_acknowledged")]


def test_on_day_fifteen_the_withdrawal_is_refused_and_nothing_changes(
    queued_emails, django_capture_on_commit_callbacks
):
    order = delivered_order(number="ML-26-000777")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(WithdrawalRefused) as refused:
        request_withdrawal(order=order, now=dt.datetime(2026, 7, 23, 0, 5, tzinfo=PARIS))
    assert refused.value.message == "Le délai de rétractation de la commande ML-26-000777 est passé."
    assert isinstance(refused.value, OrderTransitionRefused)
    order.refresh_from_db()
    assert order.withdrawal_requested_at is None
    assert not OrderEvent.objects.filter(order=order).exists()
    assert queued_emails == []


def test_a_period_ending_on_a_sunday_runs_to_monday():
    # Delivered Sunday 5 July 2026: day 14 is Sunday 19 July, so Monday 20 July still counts.
    order = OrderFactory(
        status=OrderStatus.DELIVERED, delivered_at=dt.datetime(2026, 7, 5, 10, 0, tzinfo=PARIS)
    )
    request_withdrawal(order=order, now=dt.datetime(2026, 7, 20, 18, 0, tzinfo=PARIS))
    order.refresh_from_db()
    assert order.withdrawal_requested_at is not None


@pytest.mark.parametrize(
    "status", [OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.PARTLY_SHIPPED, OrderStatus.SHIPPED]
)
def test_before_delivery_the_withdrawal_is_open_from_the_confirmation(
    status, queued_emails, django_capture_on_commit_callbacks
):
    order = OrderFactory(status=status, number="ML-26-000888")
    moment = dt.datetime(2026, 7, 10, 9, 30, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        request_withdrawal(order=order, now=moment)
    order.refresh_from_db()
    assert order.withdrawal_requested_at == moment
    assert order.status == status  # the goods, if they left, are still to come back
    assert OrderEvent.objects.get(order=order).data == {"deadline": ""}
    assert queued_emails == [(order.pk, "withdrawal_acknowledged")]


@pytest.mark.parametrize("status", [OrderStatus.PLACED, OrderStatus.CANCELLED])
def test_an_unpaid_or_cancelled_order_has_nothing_to_withdraw_from(status):
    order = OrderFactory(status=status, number="ML-26-000889")
    with pytest.raises(WithdrawalRefused) as refused:
        request_withdrawal(order=order, now=dt.datetime(2026, 7, 10, tzinfo=PARIS))
    assert refused.value.message == "La commande ML-26-000889 n'ouvre pas de droit de rétractation."
    order.refresh_from_db()
    assert order.withdrawal_requested_at is None


def test_the_founder_may_give_a_longer_period(settings):
    settings.COMPTOIR_WITHDRAWAL_DAYS = 30  # day 30 after 8 July: Friday 7 August 2026
    order = delivered_order()
    with pytest.raises(WithdrawalRefused):
        request_withdrawal(order=order, now=dt.datetime(2026, 8, 8, 0, 1, tzinfo=PARIS))
    request_withdrawal(order=order, now=dt.datetime(2026, 8, 7, 23, 59, tzinfo=PARIS))
    order.refresh_from_db()
    assert order.withdrawal_requested_at is not None


def test_a_shorter_period_than_the_law_is_ignored(settings):
    settings.COMPTOIR_WITHDRAWAL_DAYS = 7
    order = delivered_order()
    request_withdrawal(order=order, now=dt.datetime(2026, 7, 22, 23, 0, tzinfo=PARIS))  # day 14
    order.refresh_from_db()
    assert order.withdrawal_requested_at is not None


def test_a_second_request_keeps_the_first_date_and_sends_no_second_email(
    queued_emails, django_capture_on_commit_callbacks
):
    order = delivered_order()
    first = dt.datetime(2026, 7, 20, 9, 0, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        request_withdrawal(order=order, now=first)
        request_withdrawal(order=order, now=first + dt.timedelta(days=1))
    order.refresh_from_db()
    assert order.withdrawal_requested_at == first
    assert OrderEvent.objects.filter(order=order).count() == 1
    assert queued_emails == [(order.pk, "withdrawal_acknowledged")]


def test_a_returned_order_cannot_be_withdrawn_from_again():
    order = OrderFactory(status=OrderStatus.RETURNED, delivered_at=DELIVERED_AT)
    with pytest.raises(WithdrawalRefused):
        request_withdrawal(order=order, now=dt.datetime(2026, 7, 10, tzinfo=PARIS))
