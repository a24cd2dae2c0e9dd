"""One reminder for a forgotten cart, only to people who may receive it, never after ordering."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from comptoir.cart.models import Cart, CartLine
from comptoir.marketing.models import Subscriber, SubscriberStatus
from comptoir.marketing.services.cart_reminders import remind_forgotten_carts
from tests.factories import UserFactory, VariantFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

LATER = timezone.now() + dt.timedelta(days=2)


def forgotten_cart(customer):
    cart = Cart.objects.create(customer=customer)
    CartLine.objects.create(cart=cart, variant=VariantFactory(), quantity=1)
    return cart


def test_a_consenting_subscriber_gets_one_reminder(mailoutbox):
    customer = UserFactory(email="camille@example.com")
    Subscriber.objects.create(email="camille@example.com", status=SubscriberStatus.CONFIRMED)
    forgotten_cart(customer)

    assert remind_forgotten_carts(now=LATER) == 1
    assert remind_forgotten_carts(now=LATER + dt.timedelta(days=3)) == 0
    [email] = mailoutbox
    assert email.subject == "Votre panier vous attend" and email.to == ["camille@example.com"]
    assert "List-Unsubscribe" in email.extra_headers


def test_an_earlier_customer_gets_one_too():
    customer = UserFactory()
    OrderFactory(customer=customer, email=customer.email)
    cart = forgotten_cart(customer)
    Cart.objects.filter(pk=cart.pk).update(updated_at=timezone.now())  # filled after that order
    assert remind_forgotten_carts(now=LATER) == 1


@pytest.mark.parametrize("who", ["stranger", "unsubscribed", "ordered_since", "too_soon"])
def test_nobody_else_is_reminded(who):
    customer = UserFactory(email="camille@example.com")
    Subscriber.objects.create(
        email="camille@example.com",
        status=SubscriberStatus.UNSUBSCRIBED if who == "unsubscribed" else SubscriberStatus.CONFIRMED,
    )
    if who == "stranger":
        Subscriber.objects.all().delete()
    forgotten_cart(customer)
    if who == "ordered_since":
        OrderFactory(customer=customer, email=customer.email)
    now = timezone.now() + dt.timedelta(hours=2) if who == "too_soon" else LATER
    assert remind_forgotten_carts(now=now) == 0
