"""A refused, failed or abandoned card payment: the customer is told, may pay again on the same order
for COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES, then the chore cancels it and frees everything it held."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from comptoir.inventory.models import StockRecord
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order, OrderEvent, OrderStatus
from comptoir.payments.models import GiftCard, Payment, PaymentStatus
from comptoir.payments.services.pay_with_gift_card import spend_gift_card
from comptoir.promotions.models import Redemption
from comptoir.workflow.services.cancel_expired_unpaid_orders import cancel_expired_unpaid_orders
from comptoir.workflow.services.pay_again import PayAgainRefused, pay_again, pay_again_deadline
from tests.factories import VariantFactory
from tests.factories.orders import order_with_stock
from tests.factories.promotions import DiscountCodeFactory
from tests.payments.stripe_helpers import post_event, recording, stripe_event

pytestmark = pytest.mark.django_db

SESSION_ID = "cs_test_a1B2c3D4e5F6g7H8i9J0"
PAYMENT_INTENT = "pi_3PqRsTuVwXyZ0001"
PLACED_AT = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def one_hour_window(settings):
    settings.COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES = 60
    settings.COMPTOIR_UNPAID_ORDER_DAYS = 7
    settings.DEBUG = False
    settings.COMPTOIR_DEMO_PAYMENTS = True
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["stripe", "bank_transfer", "demo"]


def card_order(*, method: str = "stripe", variant=None, quantity: int = 1, **fields) -> Order:
    order = order_with_stock(variant=variant, quantity=quantity, payment_method=method, **fields)
    Order.objects.filter(pk=order.pk).update(created_at=PLACED_AT)  # 95,00 + 5,90 shipping = 100,90 €
    order.refresh_from_db()
    return order


def stripe_payment(order: Order, **fields) -> Payment:
    payment = Payment.objects.create(
        order=order,
        provider="stripe",
        status=fields.pop("status", PaymentStatus.PENDING),
        amount=fields.pop("amount", order.total_gross),
        external_id=fields.pop("external_id", SESSION_ID),
        redirect_url="https://checkout.stripe.com/c/pay/" + SESSION_ID,
        **fields,
    )
    Payment.objects.filter(pk=payment.pk).update(updated_at=PLACED_AT)
    return payment


def session_event(kind: str, event_id: str, **changes) -> dict:
    event = stripe_event("event_checkout_session_completed", event_id=event_id, **changes)
    event["type"] = kind
    return event


def reserved(variant) -> tuple[int, int]:
    record = StockRecord.objects.get(variant=variant)
    return record.on_hand, record.reserved


@pytest.mark.parametrize(
    ("kind", "changes"),
    [
        (
            "checkout.session.expired",
            {"status": "expired", "payment_status": "unpaid", "payment_intent": None},
        ),
        ("checkout.session.async_payment_failed", {"payment_status": "unpaid"}),
    ],
)
def test_a_failed_stripe_session_tells_the_customer_once_and_keeps_the_order_and_its_stock(
    client, stripe_settings, django_capture_on_commit_callbacks, kind, changes
):
    variant = VariantFactory(on_hand=3)
    order = card_order(variant=variant, number="ML-26-200001", email="camille@example.com")
    payment = stripe_payment(order)

    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, session_event(kind, "evt_failed_1", **changes))
        replay = post_event(client, session_event(kind, "evt_failed_1", **changes))
        other_event_same_session = post_event(client, session_event(kind, "evt_failed_2", **changes))

    assert first.json() == {"received": True, "outcome": "failed"}
    assert replay.json()["outcome"] == "duplicate"
    assert other_event_same_session.json()["outcome"] == "already_closed"
    payment.refresh_from_db()
    order.refresh_from_db()
    assert (payment.status, order.status) == (PaymentStatus.FAILED, OrderStatus.PLACED)
    assert reserved(variant) == (3, 1)
    assert [message.subject for message in mail.outbox] == [
        "Le paiement de votre commande ML-26-200001 n'a pas abouti"
    ]
    body = mail.outbox[0].body
    assert "rien n'a été débité" in body
    assert "encore 60 minutes" in body
    assert "« Payer à nouveau »" in body
    assert f"/commande/{order_access_token(order=order).split(':')[0]}:" in body  # signed, timestamped


def test_the_demo_refuse_button_shows_pay_again_on_the_order_page_and_a_new_session_pays_the_same_order(
    client, django_capture_on_commit_callbacks
):
    variant = VariantFactory(on_hand=2)
    order = card_order(method="demo", variant=variant, number="ML-26-200002")
    order_url = reverse("storefront:order_status", kwargs={"token": order_access_token(order=order)})
    pay_again_url = reverse(
        "storefront:order_status_pay_again", kwargs={"token": order_access_token(order=order)}
    )
    Order.objects.filter(pk=order.pk).update(created_at=dt.datetime.now(dt.UTC))

    with django_capture_on_commit_callbacks(execute=True):
        first_page = client.post(pay_again_url)  # the first session, as checkout would open it
        client.post(first_page["Location"], {"decision": "refuse"})

    assert [message.subject for message in mail.outbox] == [
        "Le paiement de votre commande ML-26-200002 n'a pas abouti"
    ]
    page = client.get(order_url).content.decode()
    assert "Le paiement n'a pas abouti" in page
    assert "Payer à nouveau" in page

    second_page = client.post(pay_again_url)
    double_click = client.post(pay_again_url)

    assert second_page.status_code == 302
    assert double_click["Location"] == second_page["Location"] != first_page["Location"]
    assert Order.objects.count() == 1
    assert list(Payment.objects.order_by("pk").values_list("status", flat=True)) == [
        PaymentStatus.FAILED,
        PaymentStatus.PENDING,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(second_page["Location"], {"decision": "pay"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert reserved(variant) == (2, 1)  # the same reservation, never taken twice
    assert Order.objects.count() == 1
    assert "Payer à nouveau" not in client.get(order_url).content.decode()


def test_pay_again_is_refused_once_the_window_is_over_and_the_page_offers_nothing(client):
    order = card_order(method="demo")
    deadline = pay_again_deadline(order=order)
    assert deadline == PLACED_AT + dt.timedelta(minutes=60)

    started = pay_again(
        order=order,
        return_url="http://testserver/a",
        cancel_url="http://testserver/b",
        now=deadline - dt.timedelta(seconds=1),
    )
    assert started.payment.order_id == order.pk
    Payment.objects.filter(pk=started.payment.pk).update(status=PaymentStatus.FAILED, updated_at=PLACED_AT)

    with pytest.raises(PayAgainRefused) as refused:
        pay_again(
            order=order, return_url="http://testserver/a", cancel_url="http://testserver/b", now=deadline
        )
    assert refused.value.message == (
        f"Le délai pour payer la commande {order.number} est passé : elle va être annulée."
    )
    assert Payment.objects.count() == 1


def test_a_bank_transfer_order_is_never_offered_pay_again():
    order = card_order(method="bank_transfer")
    assert pay_again_deadline(order=order) is None
    with pytest.raises(PayAgainRefused):
        pay_again(order=order, return_url="http://testserver/a", cancel_url="http://testserver/b")


def test_the_chore_cancels_an_abandoned_card_order_after_the_window_and_gives_everything_back(
    django_capture_on_commit_callbacks,
):
    variant = VariantFactory(on_hand=3)
    code = DiscountCodeFactory(code="BIENVENUE", max_uses=1, uses_count=1)
    order = card_order(variant=variant, quantity=2, number="ML-26-200003")
    Redemption.objects.create(code=code, order=order, email=order.email, amount_gross=Decimal("10.00"))
    card = GiftCard.objects.create(
        code="ABCD-EFGH-JKMN-PQRS",
        initial_amount=Decimal("30.00"),
        balance=Decimal("30.00"),
        recipient_email="ami@example.com",
    )
    spend_gift_card(code=card.code, order=order)
    stripe_payment(order, amount=Decimal("70.90"))  # a session that never comes back
    Payment.objects.filter(provider="gift_card").update(updated_at=PLACED_AT + dt.timedelta(hours=5))
    inside, outside = PLACED_AT + dt.timedelta(minutes=59, seconds=59), PLACED_AT + dt.timedelta(minutes=60)

    assert cancel_expired_unpaid_orders(now=inside) == []
    assert reserved(variant) == (3, 2)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_expired_unpaid_orders(now=outside) == ["ML-26-200003"]
    assert cancel_expired_unpaid_orders(now=outside + dt.timedelta(hours=1)) == []  # once

    order.refresh_from_db()
    card.refresh_from_db()
    code.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert reserved(variant) == (3, 0)
    assert card.balance == Decimal("30.00")
    assert code.uses_count == 0
    assert not Redemption.objects.exists()
    event = OrderEvent.objects.get(order=order, to_status=OrderStatus.CANCELLED)
    assert (event.actor_label, event.data) == ("system", {"reason": "unpaid"})


def test_a_new_attempt_restarts_the_window_and_money_on_its_way_is_waited_for():
    retried = card_order(number="ML-26-200004")
    stripe_payment(retried, status=PaymentStatus.FAILED, external_id="cs_old")
    Payment.objects.filter(order=retried).update(updated_at=PLACED_AT + dt.timedelta(minutes=50))
    sepa = card_order(number="ML-26-200005")
    stripe_payment(sepa, provider_reference=PAYMENT_INTENT, external_id="cs_sepa")
    transfer = card_order(method="bank_transfer", number="ML-26-200006")

    assert cancel_expired_unpaid_orders(now=PLACED_AT + dt.timedelta(minutes=109)) == []
    assert cancel_expired_unpaid_orders(now=PLACED_AT + dt.timedelta(minutes=110)) == ["ML-26-200004"]
    assert cancel_expired_unpaid_orders(now=PLACED_AT + dt.timedelta(days=6)) == []
    assert cancel_expired_unpaid_orders(now=PLACED_AT + dt.timedelta(days=7, seconds=1)) == [transfer.number]
    sepa.refresh_from_db()
    assert sepa.status == OrderStatus.PLACED


def test_a_success_after_the_cancellation_is_refunded_in_full_and_the_order_stays_cancelled(
    client, stripe_http, django_capture_on_commit_callbacks
):
    variant = VariantFactory(on_hand=1)
    order = card_order(variant=variant, number="ML-26-200007")
    payment = stripe_payment(order)
    cancel_expired_unpaid_orders(now=PLACED_AT + dt.timedelta(hours=2))
    someone_else = card_order(variant=variant, number="ML-26-200008")  # the last piece, sold again
    refund = recording("refund_created") | {"amount": 10090}
    stripe_http.responses.append((200, refund))

    with django_capture_on_commit_callbacks(execute=True):
        late = post_event(
            client, session_event("checkout.session.completed", "evt_late_1", amount_total=10090)
        )
        replay = post_event(
            client, session_event("checkout.session.completed", "evt_late_2", amount_total=10090)
        )

    assert late.json()["outcome"] == "order_not_awaiting_payment"
    assert replay.json()["outcome"] == "already_paid"
    [asked] = stripe_http.requests
    assert asked["url"].endswith("/v1/refunds")
    assert asked["form"] == {"payment_intent": PAYMENT_INTENT, "amount": "10090"}
    payment.refresh_from_db()
    order.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, Decimal("100.90"))
    assert order.status == OrderStatus.CANCELLED
    assert not order.invoices.exists()
    assert reserved(variant) == (1, 1)  # held by the other order only
    assert someone_else.status == OrderStatus.PLACED
    event = OrderEvent.objects.get(order=order, kind="late_payment_refunded")
    assert event.data == {"amount": "100.90", "refund": "re_3PqRsTuVwXyZ0001"}
