"""Unpaid bank transfers are cancelled after COMPTOIR_UNPAID_ORDER_DAYS; their stock goes back on sale."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from comptoir.inventory.models import StockRecord
from comptoir.orders import emails
from comptoir.orders.models import Order, OrderEvent, OrderStatus
from comptoir.workflow.services.cancel_expired_unpaid_orders import cancel_expired_unpaid_orders
from tests.factories import VariantFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def seven_days(settings):
    settings.COMPTOIR_UNPAID_ORDER_DAYS = 7
    settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES = 60


@pytest.fixture
def queued_emails(monkeypatch):
    queued: list[tuple[int, str]] = []
    monkeypatch.setattr(
        emails, "queue_order_email", lambda *, order_id, kind: queued.append((order_id, kind))
    )
    return queued


def placed(*, days_ago: float, variant=None, **fields) -> Order:
    order = order_with_stock(
        status=fields.pop("status", OrderStatus.PLACED), variant=variant, quantity=1, **fields
    )
    Order.objects.filter(pk=order.pk).update(created_at=NOW - dt.timedelta(days=days_ago))
    return order


def test_only_bank_transfers_left_unpaid_past_the_delay_are_cancelled(
    queued_emails, django_capture_on_commit_callbacks
):
    variant = VariantFactory(on_hand=10)
    expired = placed(days_ago=7.01, variant=variant, number="ML-26-100001")
    just_in_time = placed(days_ago=6.99, variant=variant)
    by_card = placed(days_ago=0.02, variant=variant, payment_method="stripe")  # its 60 minutes run
    paid = placed(days_ago=30, variant=variant, status=OrderStatus.PAID)

    with django_capture_on_commit_callbacks(execute=True):
        numbers = cancel_expired_unpaid_orders(now=NOW)

    assert numbers == ["ML-26-100001"]
    statuses = dict(Order.objects.values_list("pk", "status"))
    assert statuses == {
        expired.pk: OrderStatus.CANCELLED,
        just_in_time.pk: OrderStatus.PLACED,
        by_card.pk: OrderStatus.PLACED,
        paid.pk: OrderStatus.PAID,
    }
    record = StockRecord.objects.get(variant=variant)
    assert (record.on_hand, record.reserved) == (10, 3)  # four orders held 4, the expired one gave 1 back
    event = OrderEvent.objects.get(order=expired)
    assert (event.actor_label, event.data) == ("system", {"reason": "unpaid"})
    assert queued_emails == [(expired.pk, "cancelled")]


def test_the_delay_comes_from_the_settings(settings):
    settings.COMPTOIR_UNPAID_ORDER_DAYS = 3
    order = placed(days_ago=4)
    assert cancel_expired_unpaid_orders(now=NOW) == [order.number]


def test_running_it_twice_cancels_once():
    placed(days_ago=8)
    assert len(cancel_expired_unpaid_orders(now=NOW)) == 1
    assert cancel_expired_unpaid_orders(now=NOW) == []


def test_the_command_reports_what_it_cancelled(monkeypatch):
    order = placed(days_ago=8, number="ML-26-100002")
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    out = io.StringIO()
    call_command("cancel_unpaid_orders", stdout=out)
    assert out.getvalue().strip() == "1 commande(s) impayée(s) depuis 7 jours annulée(s) : ML-26-100002"
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    out = io.StringIO()
    call_command("cancel_unpaid_orders", stdout=out)
    assert out.getvalue().strip() == "Aucune commande impayée depuis 7 jours."
