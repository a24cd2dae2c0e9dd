"""The customer cancels an order not yet packed from its page, within COMPTOIR_CUSTOMER_CANCEL_HOURS:
stock released, money refunded through the provider (or marked for the founder), credit notes issued."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import CreditNote, Invoice
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order, OrderEvent, OrderStatus
from comptoir.orders.selectors import order_history
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.workflow.services.cancel_by_customer import CancellationRefused, cancel_order_by_customer
from comptoir.workflow.services.pay_order import mark_payment_paid
from tests.factories import VariantFactory
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db

PLACED_AT = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)
JUST_INSIDE = PLACED_AT + dt.timedelta(hours=24) - dt.timedelta(seconds=1)
JUST_OUTSIDE = PLACED_AT + dt.timedelta(hours=24)


@pytest.fixture(autouse=True)
def one_day(settings):
    settings.COMPTOIR_CUSTOMER_CANCEL_HOURS = 24


def order_paid_by(provider: str | None, *, variant=None, status: str = OrderStatus.PLACED) -> Order:
    order = order_with_stock(variant=variant, quantity=1, payment_method=provider or "stripe", status=status)
    if provider is not None:
        payment = Payment.objects.create(
            order=order, provider=provider, status=PaymentStatus.PENDING, amount=Decimal("100.90")
        )
        mark_payment_paid(payment_id=payment.pk, provider_reference=f"{provider}-ref", actor_label="test")
    Order.objects.filter(pk=order.pk).update(created_at=PLACED_AT)
    order.refresh_from_db()
    return order


def stock(variant) -> tuple[int, int]:
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


def test_just_inside_the_window_a_card_order_is_cancelled_refunded_and_credited(
    django_capture_on_commit_callbacks,
):
    variant = VariantFactory(on_hand=3)
    order = order_paid_by("demo", variant=variant)
    assert order.status == OrderStatus.PAID and stock(variant) == (3, 1)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_order_by_customer(order=order, now=JUST_INSIDE)

    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert order.status == OrderStatus.REFUNDED
    assert stock(variant) == (3, 0)
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("100.90"))
    [note] = CreditNote.objects.filter(invoice__order=order)
    assert (note.total_net, note.total_gross) == (Decimal("-84.09"), Decimal("-100.90"))
    cancelled = OrderEvent.objects.get(order=order, to_status=OrderStatus.CANCELLED)
    assert (cancelled.actor_label, cancelled.data) == ("customer", {"reason": "customer"})

    again = cancel_order_by_customer(order=order, now=JUST_INSIDE)  # a second click
    assert again.status == OrderStatus.REFUNDED
    assert CreditNote.objects.filter(invoice__order=order).count() == 1


def test_just_outside_the_window_nothing_changes():
    variant = VariantFactory(on_hand=3)
    order = order_paid_by("demo", variant=variant)

    with pytest.raises(CancellationRefused) as refused:
        cancel_order_by_customer(order=order, now=JUST_OUTSIDE)

    assert (
        refused.value.message == f"La commande {order.number} ne peut plus être annulée ici : écrivez-nous."
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert stock(variant) == (3, 1)
    assert Payment.objects.get(order=order).refunded_amount == Decimal("0.00")
    assert not CreditNote.objects.exists()


def test_a_packed_order_cannot_be_cancelled_by_its_customer():
    order = order_paid_by(None, status=OrderStatus.PACKED)
    with pytest.raises(CancellationRefused):
        cancel_order_by_customer(order=order, now=PLACED_AT + dt.timedelta(minutes=5))
    order.refresh_from_db()
    assert order.status == OrderStatus.PACKED


def test_the_founder_may_switch_it_off(settings):
    settings.COMPTOIR_CUSTOMER_CANCEL_HOURS = 0
    order = order_paid_by(None)
    with pytest.raises(CancellationRefused):
        cancel_order_by_customer(order=order, now=PLACED_AT + dt.timedelta(minutes=5))


def test_an_order_paid_by_transfer_is_cancelled_and_its_refund_left_to_the_founder():
    variant = VariantFactory(on_hand=2)
    order = order_paid_by("bank_transfer", variant=variant)

    cancel_order_by_customer(order=order, now=JUST_INSIDE)

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert stock(variant) == (2, 0)
    assert Payment.objects.get(order=order).status == PaymentStatus.PAID  # wired back by hand, then marked
    assert OrderEvent.objects.filter(order=order, kind="refund_to_do").count() == 1
    history = [(entry.what, entry.who) for entry in order_history(order=order)]
    assert history[-2:] == [("Annulée", "le client"), ("Remboursement à faire (virement)", "automatique")]
    assert Invoice.objects.filter(order=order).count() == 1
    assert not CreditNote.objects.exists()


def test_an_unpaid_order_is_simply_cancelled():
    variant = VariantFactory(on_hand=2)
    order = order_with_stock(variant=variant, quantity=1, payment_method="stripe")
    cancel_order_by_customer(order=order)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert stock(variant) == (2, 0)
    assert not OrderEvent.objects.filter(order=order, kind="refund_to_do").exists()


def test_the_guest_order_page_offers_the_cancellation_and_carries_it_out(client, settings):
    settings.DEBUG = False
    settings.COMPTOIR_DEMO_PAYMENTS = True
    variant = VariantFactory(on_hand=2)
    order = order_paid_by("demo", variant=variant)
    Order.objects.filter(pk=order.pk).update(created_at=dt.datetime.now(dt.UTC))
    token = order_access_token(order=order)

    page = client.get(reverse("storefront:order_status", kwargs={"token": token})).content.decode()
    assert "Annuler la commande" in page
    assert "Confirmer l'annulation" in page
    assert "dès maintenant et jusqu'à 14 jours après sa livraison" in page  # withdrawal open before delivery

    response = client.post(reverse("storefront:order_status_cancel", kwargs={"token": token}), follow=True)

    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    assert stock(variant) == (2, 0)
    content = response.content.decode()
    assert "Votre commande est annulée." in content
    assert "Confirmer l'annulation" not in content


def test_after_the_window_the_page_offers_no_cancellation_and_a_forged_post_changes_nothing(client):
    order = order_paid_by("demo")  # placed on 22 July 2026: long past
    token = order_access_token(order=order)

    page = client.get(reverse("storefront:order_status", kwargs={"token": token})).content.decode()
    response = client.post(reverse("storefront:order_status_cancel", kwargs={"token": token}), follow=True)

    assert "Confirmer l'annulation" not in page
    assert "ne peut plus être annulée ici" in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
