"""The demo shop's payment page: pay or refuse, only while demo payments are on."""

import pytest

from comptoir.payments.models import Payment, PaymentStatus
from comptoir.payments.services.start_payment import start_payment
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

RETURN_URL = "http://testserver/fr/commande/merci/"
CANCEL_URL = "http://testserver/fr/commande/annulee/"


@pytest.fixture
def demo_on(settings):
    settings.DEBUG = False
    settings.COMPTOIR_DEMO_PAYMENTS = True
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["demo", "bank_transfer"]
    return settings


@pytest.fixture
def demo_page(demo_on):
    order = OrderFactory(payment_method="demo", number="C-2026-00123")
    started = start_payment(order=order, provider_code="demo", return_url=RETURN_URL, cancel_url=CANCEL_URL)
    return started


def test_the_page_shows_the_order_and_its_amount(client, demo_page):
    response = client.get(demo_page.redirect_url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "C-2026-00123" in content
    assert "100,90\xa0€" in content
    assert 'value="pay"' in content
    assert 'value="refuse"' in content
    assert demo_page.redirect_url.startswith("/fr/paiement/demo/")


def test_paying_marks_the_payment_paid_and_returns_to_the_shop(client, demo_page, order_paid_calls):
    response = client.post(demo_page.redirect_url, {"decision": "pay"})

    assert response.status_code == 302
    assert response["Location"] == RETURN_URL
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PAID
    assert [call["actor_label"] for call in order_paid_calls] == ["demo"]


def test_paying_twice_pays_once(client, demo_page, order_paid_calls):
    client.post(demo_page.redirect_url, {"decision": "pay"})
    client.post(demo_page.redirect_url, {"decision": "pay"})

    assert len(order_paid_calls) == 1


def test_refusing_fails_the_payment_and_goes_to_the_cancel_page(client, demo_page, order_paid_calls):
    response = client.post(demo_page.redirect_url, {"decision": "refuse"})

    assert response["Location"] == CANCEL_URL
    assert Payment.objects.get().status == PaymentStatus.FAILED
    assert order_paid_calls == []


def test_the_page_does_not_exist_when_demo_payments_are_off(client, demo_page, settings, order_paid_calls):
    settings.COMPTOIR_DEMO_PAYMENTS = False
    settings.DEBUG = False

    assert client.get(demo_page.redirect_url).status_code == 404
    assert client.post(demo_page.redirect_url, {"decision": "pay"}).status_code == 404
    assert Payment.objects.get().status == PaymentStatus.PENDING
    assert order_paid_calls == []


def test_a_forged_token_finds_nothing(client, demo_on):
    assert client.get("/fr/paiement/demo/eyJwYXltZW50IjoxfQ:forged:signature/").status_code == 404
