"""The order page behind the signed link, and the withdrawal button on both order pages."""

import datetime as dt
import html

import pytest
from django.utils import timezone

from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order, OrderStatus
from comptoir.orders.withdrawal import withdrawal_deadline
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

# Wednesday 22 July 2026, noon in Paris: no weekend or holiday near the deadlines below.
TODAY = dt.datetime(2026, 7, 22, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: TODAY)
    return TODAY


def delivered_order(*, days_ago: int, **kwargs) -> Order:
    return OrderFactory(
        status=OrderStatus.DELIVERED,
        delivered_at=TODAY - dt.timedelta(days=days_ago),
        shipped_at=TODAY - dt.timedelta(days=days_ago + 2),
        paid_at=TODAY - dt.timedelta(days=days_ago + 4),
        **kwargs,
    )


def status_url(order: Order) -> str:
    return f"/fr/commande/{order_access_token(order=order)}/"


def page(client, url: str) -> str:
    return html.unescape(client.get(url).content.decode())


# The signed link -----------------------------------------------------------------------------------


def test_the_signed_link_shows_the_order_without_an_account(client):
    order = OrderFactory(number="C-2026-00042")
    response = client.get(status_url(order))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Commande C-2026-00042" in content
    assert "Chemise Oxford" in content and "100,90\xa0€" in content
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex">' in content


def test_the_link_the_emails_carry_reaches_the_page(client, settings):
    from comptoir.orders.access import order_access_url

    settings.COMPTOIR_PUBLIC_URL = "https://boutique.example"
    order = OrderFactory()
    url = order_access_url(order=order)
    assert url.startswith("https://boutique.example/fr/commande/")
    assert client.get(url.removeprefix("https://boutique.example")).status_code == 200


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "eyJudW1iZXIiOiJDLTIwMjYtOTk5OTkifQ" + token[token.index(":") :],  # other number
        lambda token: "not-a-token",
        lambda token: token.split(":")[0],  # signature cut off
    ],
)
def test_a_tampered_link_is_a_404_never_a_500(client, mangle):
    order = OrderFactory()
    token = order_access_token(order=order)
    assert client.get(f"/fr/commande/{mangle(token)}/").status_code == 404
    assert client.post(f"/fr/commande/{mangle(token)}/retractation/").status_code == 404


def test_a_link_to_an_order_that_no_longer_exists_is_a_404(client):
    order = OrderFactory()
    url = status_url(order)
    order.delete()
    assert client.get(url).status_code == 404


# The withdrawal button -----------------------------------------------------------------------------


def test_the_deadline_is_fourteen_days_after_delivery_pushed_past_weekends_and_holidays():
    def deadline(delivered_on: dt.date) -> dt.date | None:
        moment = dt.datetime.combine(delivered_on, dt.time(12), tzinfo=dt.UTC)
        return withdrawal_deadline(order=Order(delivered_at=moment))

    assert deadline(dt.date(2026, 7, 8)) == dt.date(2026, 7, 22)  # a Wednesday
    assert deadline(dt.date(2026, 7, 4)) == dt.date(2026, 7, 20)  # Saturday 18 → Monday 20
    assert deadline(dt.date(2026, 10, 28)) == dt.date(2026, 11, 12)  # 11 November → the 12th
    assert deadline(dt.date(2027, 3, 15)) == dt.date(2027, 3, 30)  # Easter Monday 29 March 2027
    assert withdrawal_deadline(order=Order(delivered_at=None)) is None


def test_on_day_fourteen_the_guest_page_offers_the_button(client, frozen_today):
    order = delivered_order(days_ago=14)
    content = page(client, status_url(order))
    assert "Renoncer au contrat ici" in content
    assert "jusqu'au mercredi 22 juillet 2026 inclus" in content
    confirm = page(client, status_url(order) + "retractation/")
    assert "Confirmer la rétractation" in confirm
    assert order.email in confirm


def test_on_day_fifteen_there_is_no_button_and_no_confirmation_step(client, frozen_today):
    order = delivered_order(days_ago=15)
    url = status_url(order)  # the link is signed with the time: one link for the whole visit
    assert "Renoncer au contrat ici" not in page(client, url)
    response = client.get(url + "retractation/")
    assert response.status_code == 302 and response["Location"] == url


def test_before_delivery_the_button_is_there_from_the_confirmation(client, frozen_today):
    order = OrderFactory(status=OrderStatus.SHIPPED, shipped_at=TODAY - dt.timedelta(days=1))
    content = page(client, status_url(order))
    assert "Renoncer au contrat ici" in content
    assert "dès maintenant et jusqu'à 14 jours après sa livraison" in content


def test_an_unpaid_order_has_no_withdrawal_button(client, frozen_today):
    order = OrderFactory(status=OrderStatus.PLACED)
    assert "Renoncer au contrat ici" not in page(client, status_url(order))


def test_a_forged_confirmation_after_the_window_changes_nothing_and_says_why(client, frozen_today):
    order = delivered_order(days_ago=15)
    response = client.post(status_url(order) + "retractation/", follow=True)
    content = html.unescape(response.content.decode())
    assert "Le délai de rétractation de cette commande est passé." in content
    order.refresh_from_db()
    assert (order.withdrawal_requested_at, order.status) == (None, OrderStatus.DELIVERED)


def test_a_second_confirmation_is_harmless(client, frozen_today):
    requested_at = TODAY - dt.timedelta(days=1)
    order = delivered_order(days_ago=10, withdrawal_requested_at=requested_at)
    response = client.post(status_url(order) + "retractation/", follow=True)
    content = html.unescape(response.content.decode())
    assert "Votre demande de rétractation avait déjà été reçue." in content
    assert "Renoncer au contrat ici" not in content
    assert "Nous avons reçu votre demande de rétractation le 21 juillet 2026 à 12:00." in content
    order.refresh_from_db()
    assert order.withdrawal_requested_at == requested_at


def test_confirming_on_day_fourteen_records_the_withdrawal_and_shows_the_dated_acknowledgement(
    client, frozen_today, mailoutbox, django_capture_on_commit_callbacks
):
    order = delivered_order(days_ago=14)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(order) + "retractation/", follow=True)
    content = html.unescape(response.content.decode())
    order.refresh_from_db()
    assert order.withdrawal_requested_at == TODAY
    assert "Nous avons reçu votre demande de rétractation le 22 juillet 2026 à 12:00." in content
    assert "Renoncer au contrat ici" not in content
    [acknowledgement] = mailoutbox  # the dated acknowledgement, on a durable medium, at once
    assert acknowledgement.to == [order.email]
    assert "22 juillet 2026" in acknowledgement.body
    # A double click: the second POST finds the request already recorded and changes nothing.
    client.post(status_url(order) + "retractation/")
    order.refresh_from_db()
    assert order.withdrawal_requested_at == TODAY


def test_the_account_order_page_offers_the_same_withdrawal(client, frozen_today):
    customer = UserFactory()
    client.force_login(customer)
    order = delivered_order(days_ago=14, customer=customer)
    url = f"/fr/compte/commandes/{order.number}/"
    assert "Renoncer au contrat ici" in page(client, url)
    assert "Confirmer la rétractation" in page(client, url + "retractation/")
    response = client.post(url + "retractation/")
    assert response["Location"] == url
    order.refresh_from_db()
    assert order.withdrawal_requested_at == TODAY


def test_the_account_order_page_shows_the_button_on_day_fourteen_only(client, frozen_today):
    customer = UserFactory()
    client.force_login(customer)
    on_time = delivered_order(days_ago=14, customer=customer)
    late = delivered_order(days_ago=15, customer=customer)
    assert "Renoncer au contrat ici" in page(client, f"/fr/compte/commandes/{on_time.number}/")
    assert "Renoncer au contrat ici" not in page(client, f"/fr/compte/commandes/{late.number}/")


def test_a_guest_creates_her_account_from_the_order_page_and_finds_her_orders(client):
    order = OrderFactory(email="camille@example.com")
    earlier = OrderFactory(email="Camille@Example.com")
    url = status_url(order)
    assert "Créer mon compte en un geste" in page(client, url)

    short = client.post(url, {"password": "court"})
    assert "Ce mot de passe est trop court" in html.unescape(short.content.decode())
    response = client.post(url, {"password": "un-mot-de-passe-solide"})
    assert response["Location"] == f"/fr/compte/commandes/{order.number}/"
    order.refresh_from_db()
    earlier.refresh_from_db()
    assert order.customer is not None and earlier.customer == order.customer
    assert order.customer.check_password("un-mot-de-passe-solide")
    assert order.customer.emailaddress_set.get().verified


def test_no_account_offer_when_one_exists_for_the_address(client):
    UserFactory(email="camille@example.com")
    order = OrderFactory(email="camille@example.com")
    assert "Créer mon compte en un geste" not in page(client, status_url(order))
    client.post(status_url(order), {"password": "un-mot-de-passe-solide"})
    order.refresh_from_db()
    assert order.customer is None
