"""A customer downloads what the shop knows about them, and closes their account: the sales records
stay (anonymised), the invoices stay whole, everything else about them is gone."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from comptoir.accounts.models import Address, User
from comptoir.community.models import Comment, CommentStatus, Registration
from comptoir.invoicing.models import Invoice
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.marketing.models import Subscriber, SubscriberStatus
from comptoir.orders.models import Order, OrderStatus
from comptoir.reviews.models import Review
from tests.factories import UserFactory, VariantFactory
from tests.factories.accounts import AddressFactory
from tests.factories.community import EventFactory
from tests.factories.content import PostFactory
from tests.factories.orders import order_with_stock
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def camille(client):
    user = UserFactory(email="camille@example.com", first_name="Camille", last_name="Durand")
    AddressFactory(customer=user, line1="12 rue des Lilas")
    variant = VariantFactory()
    order = order_with_stock(
        status=OrderStatus.DELIVERED, variant=variant, quantity=1, customer=user, email=user.email
    )
    issue_invoice_for_order(order=order)
    Review.objects.create(
        order=order, product=variant.product, name="Camille D.", rating=5, body="Parfaite.",
        purchased_at=timezone.now(),
    )  # fmt: skip
    Comment.objects.create(
        post=PostFactory(), name="Camille", email="Camille@Example.com", body="Merci pour cet article.",
        status=CommentStatus.APPROVED, published_at=timezone.now(),
    )  # fmt: skip
    Registration.objects.create(event=EventFactory(), name="Camille", email=user.email, status="confirmed")
    Subscriber.objects.create(email=user.email, status=SubscriberStatus.CONFIRMED, consent_source="footer")
    client.force_login(user)
    return user


def test_the_download_holds_everything_the_shop_knows(client, camille):
    response = client.get("/fr/compte/donnees/mes-donnees.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "camille@example.com"
    assert data["account"]["last_name"] == "Durand"
    assert [address["line1"] for address in data["addresses"]] == ["12 rue des Lilas"]
    assert len(data["orders"]) == 1 and data["orders"][0]["lines"][0]["quantity"] == 1
    assert [review["body"] for review in data["reviews"]] == ["Parfaite."]
    assert [comment["body"] for comment in data["comments"]] == ["Merci pour cet article."]
    assert [registration["status"] for registration in data["event_registrations"]] == ["confirmed"]
    assert data["newsletter"]["status"] == SubscriberStatus.CONFIRMED
    assert "password" not in json.dumps(data)


def test_the_download_is_only_ever_ones_own(client, camille):
    client.force_login(UserFactory(email="other@example.com"))
    data = json.loads(client.get("/fr/compte/donnees/mes-donnees.json").content)
    assert data["account"]["email"] == "other@example.com"
    assert data["orders"] == [] and data["addresses"] == [] and data["comments"] == []


def test_closing_the_account_erases_the_person_and_keeps_the_records(client, camille):
    order = Order.objects.get(customer=camille)
    invoice_before = Invoice.objects.values().get(order=order)
    response = client.post("/fr/compte/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email="camille@example.com").exists()
    assert "_auth_user_id" not in client.session
    assert Address.objects.count() == 0
    order.refresh_from_db()
    assert order.customer is None
    assert order.email != "camille@example.com"
    assert order.shipping_address == {"country": "FR"} and order.billing_address == {"country": "FR"}
    assert order.total_gross > 0 and order.lines.count() == 1  # the sale is still in the books
    assert Invoice.objects.values().get(order=order) == invoice_before  # name and address: kept 10 years
    assert Review.objects.get().name == "Anonyme"
    comment = Comment.objects.get()
    assert comment.name == "Anonyme" and "camille" not in comment.email.lower()
    assert Registration.objects.count() == 0
    assert Subscriber.objects.count() == 0


def test_a_wrong_password_closes_nothing(client, camille):
    response = client.post("/fr/compte/supprimer/", {"password": "not-mine"})
    assert response.status_code == 400
    assert User.objects.filter(pk=camille.pk).exists()
    assert Order.objects.get().email == "camille@example.com"


def test_an_order_on_its_way_keeps_the_account_open(client, camille):
    order_with_stock(status=OrderStatus.PAID, customer=camille, email=camille.email, quantity=1)
    response = client.post("/fr/compte/supprimer/", {"password": PASSWORD})
    assert response.status_code == 409
    assert "commande est encore en cours" in response.content.decode()
    assert User.objects.filter(pk=camille.pk).exists()
    assert Address.objects.count() == 1


def test_a_reseller_buyer_closes_the_account_through_the_founder(client):
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    assert client.post("/fr/compte/supprimer/", {"password": PASSWORD}).status_code == 409
    assert User.objects.filter(pk=buyer.user.pk).exists()


def test_the_page_offers_both(client, camille):
    html = client.get("/fr/compte/donnees/").content.decode()
    assert "/fr/compte/donnees/mes-donnees.json" in html
    assert 'action="/fr/compte/supprimer/"' in html
