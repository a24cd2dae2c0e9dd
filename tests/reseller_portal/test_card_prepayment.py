"""A company paying in advance settles an order by card, through the boutique's payment path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from comptoir.invoicing.models import Invoice
from comptoir.orders.models import OrderEvent, OrderStatus
from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.providers.demo import read_demo_page_token
from comptoir.resellers.models import PaymentTerms
from tests.factories.resellers import BuyerFactory, PriceListFactory
from tests.invoicing.company_orders import company_order
from tests.payments.conftest import stripe_http, stripe_settings  # noqa: F401
from tests.payments.stripe_helpers import post_event, recording, stripe_event

pytestmark = pytest.mark.django_db


def prepaid_order(**fields):
    """A prepayment order of 100,90 € TTC (84,08 HT), awaiting its money."""
    order = company_order(
        lines=[(1, "84.08")], status=OrderStatus.PLACED, terms=PaymentTerms.PREPAYMENT, **fields
    )
    assert order.total_gross == Decimal("100.90")
    return order


@pytest.fixture
def buyer_client(client):
    PriceListFactory()

    def sign_in(order):
        client.force_login(BuyerFactory(company=order.company).user)
        return client

    return sign_in


def test_the_order_page_offers_the_card_and_keeps_the_transfer(buyer_client, settings):
    settings.COMPTOIR_DEMO_PAYMENTS = True
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    order = prepaid_order()
    client = buyer_client(order)
    page = client.get(f"/fr/pro/commandes/{order.number}/").content.decode()
    assert "Payer par carte (démonstration)" in page and "Ou par virement" in page
    assert "100,90" in page
    assert "Régler cette commande" in client.get("/fr/pro/commandes/").content.decode()


def test_paying_by_demo_card_marks_the_order_paid_and_invoices_it(buyer_client, settings):
    settings.COMPTOIR_DEMO_PAYMENTS = True
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    order = prepaid_order()
    client = buyer_client(order)

    answer = client.post(f"/fr/pro/commandes/{order.number}/payer/", {"provider": "demo"})

    assert answer.status_code == 302
    demo_page = answer["Location"]
    _payment_id, return_url, _cancel = read_demo_page_token(demo_page.rstrip("/").rsplit("/", 1)[-1])
    assert return_url.endswith(f"/fr/pro/commandes/{order.number}/?paiement")
    back = client.post(demo_page, {"decision": "pay"})
    assert back["Location"] == return_url
    client.post(demo_page, {"decision": "pay"})  # the page sent twice changes nothing
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    invoice = Invoice.objects.get(order=order)
    assert invoice.payment_method == "demo"  # how it was paid, not the transfer
    assert invoice.paid_when_issued  # issued by its payment: it says « réglée », nothing left due
    assert OrderEvent.objects.filter(order=order, to_status=OrderStatus.PAID).count() == 1
    assert "Payée" in client.get(return_url).content.decode()


def test_the_stripe_webhook_delivered_twice_marks_the_order_paid_once(buyer_client, stripe_http):  # noqa: F811
    stripe_http.responses.append((200, recording("checkout_session_created")))
    order = prepaid_order()
    client = buyer_client(order)

    answer = client.post(f"/fr/pro/commandes/{order.number}/payer/", {"provider": "stripe"})

    assert answer["Location"].startswith("https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0")
    payment = Payment.objects.get(order=order)
    assert (payment.provider, payment.amount) == ("stripe", Decimal("100.90"))
    form = stripe_http.requests[0]["form"]
    assert form["success_url"].endswith(f"/fr/pro/commandes/{order.number}/?paiement")
    event = stripe_event("event_checkout_session_completed", event_id="evt_reseller_1")
    for _delivery in range(2):
        assert post_event(Client(), event).status_code == 200
    replay = stripe_event("event_checkout_session_completed", event_id="evt_reseller_2")
    assert post_event(Client(), replay).status_code == 200  # another event saying the same

    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert order.status == OrderStatus.PAID
    assert OrderEvent.objects.filter(order=order, to_status=OrderStatus.PAID).count() == 1
    assert Invoice.objects.get(order=order).payment_method == "stripe"


def test_an_order_on_terms_or_another_company_s_is_not_paid_here(buyer_client, settings):
    settings.COMPTOIR_DEMO_PAYMENTS = True
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    on_terms = company_order(status=OrderStatus.CONFIRMED, terms=PaymentTerms.NET_30)
    client = buyer_client(on_terms)
    assert "Payer par carte" not in client.get(f"/fr/pro/commandes/{on_terms.number}/").content.decode()
    client.post(f"/fr/pro/commandes/{on_terms.number}/payer/", {"provider": "demo"})
    theirs = prepaid_order()
    assert client.post(f"/fr/pro/commandes/{theirs.number}/payer/", {"provider": "demo"}).status_code == 404
    prepaid = prepaid_order()
    client = buyer_client(prepaid)
    client.post(f"/fr/pro/commandes/{prepaid.number}/payer/", {"provider": "bank_transfer"})
    assert not Payment.objects.exists()
