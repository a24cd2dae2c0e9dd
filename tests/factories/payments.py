"""Factories for orders (as checkout freezes them) and their payments.

``OrderFactory`` builds a placed order directly, with frozen lines and totals, the way checkout's
``place_order`` leaves it; tests of payments and emails need an order, not a checkout.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from comptoir.orders.models import Order, OrderLine, OrderStatus
from comptoir.payments.models import Payment, PaymentStatus

PARIS_ADDRESS = {
    "first_name": "Camille",
    "last_name": "Durand",
    "line1": "12 rue des Lilas",
    "postcode": "75011",
    "city": "Paris",
    "country": "FR",
    "phone": "+33612345678",
}


class OrderFactory(factory.django.DjangoModelFactory):
    """A placed guest order: one shirt 95,00 € TTC (20 % VAT) + shipping 5,90 € TTC."""

    class Meta:
        model = Order
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"C-2026-{n + 1:05d}")
    status = OrderStatus.PLACED
    email = factory.Sequence(lambda n: f"client{n}@example.com")
    language = "fr"
    shipping_address = factory.LazyFunction(lambda: dict(PARIS_ADDRESS))
    billing_address = factory.LazyFunction(lambda: dict(PARIS_ADDRESS))
    shipping_method_name = "Colissimo"
    shipping_carrier = "colissimo"
    shipping_gross = Decimal("5.90")
    shipping_net = Decimal("4.92")
    shipping_vat_rate = Decimal("0.2000")
    subtotal_gross = Decimal("95.00")
    subtotal_net = Decimal("79.17")
    total_gross = Decimal("100.90")
    total_net = Decimal("84.09")
    currency = "EUR"
    payment_method = "bank_transfer"
    idempotency_key = factory.Sequence(lambda n: f"idem-{n:08d}")
    terms_accepted_at = factory.LazyFunction(lambda: dt.datetime(2026, 6, 20, 10, 0, tzinfo=dt.UTC))

    @factory.post_generation
    def with_line(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            OrderLine.objects.create(
                order=self,
                product_name="Chemise Oxford",
                options_label="Bleu ciel · 39 · Ajustée",
                sku="OXF-BLU-39",
                quantity=1,
                unit_gross=Decimal("95.00"),
                unit_net=Decimal("79.17"),
                vat_rate=Decimal("0.2000"),
                total_gross=Decimal("95.00"),
                total_net=Decimal("79.17"),
            )


class PaymentFactory(factory.django.DjangoModelFactory):
    """A Stripe payment waiting on its Checkout Session (the one in tests/payments/recordings)."""

    class Meta:
        model = Payment

    order = factory.SubFactory(OrderFactory, payment_method="stripe")
    provider = "stripe"
    status = PaymentStatus.PENDING
    amount = factory.LazyAttribute(lambda payment: payment.order.total_gross)
    currency = "EUR"
    external_id = "cs_test_a1B2c3D4e5F6g7H8i9J0"
    redirect_url = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0"
