"""The customer's account pages: her orders only, her address book, her profile."""

import datetime as dt
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comptoir.accounts.models import Address
from comptoir.orders.models import OrderEvent, OrderStatus
from tests.factories import UserFactory
from tests.factories.accounts import AddressFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def camille(client):
    user = UserFactory(email="camille@example.com", first_name="Camille")
    client.force_login(user)
    return user


def test_the_order_list_shows_her_orders_and_no_one_else_s(client, camille):
    OrderFactory(customer=camille, number="C-2026-00001")
    OrderFactory(customer=camille, number="C-2026-00002", status=OrderStatus.PAID)
    OrderFactory(customer=UserFactory(), number="C-2026-00003")
    OrderFactory(customer=None, number="C-2026-00004")  # a guest's
    response = client.get("/fr/compte/commandes/")
    content = response.content.decode()
    assert response.status_code == 200
    assert [order.number for order in response.context["orders"]] == ["C-2026-00002", "C-2026-00001"]
    assert "C-2026-00003" not in content and "C-2026-00004" not in content
    assert "100,90\xa0€" in content
    assert "Payée" in content
    assert "1 article" in content


def test_the_order_list_runs_the_same_queries_for_one_order_or_twenty(
    client, camille, django_assert_max_num_queries
):
    OrderFactory(customer=camille)
    client.get("/fr/compte/commandes/")  # the shop's identity and opening state, read once then cached
    with CaptureQueriesContext(connection) as one:
        client.get("/fr/compte/commandes/")
    for _ in range(19):
        OrderFactory(customer=camille)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get("/fr/compte/commandes/")
    assert len(response.context["orders"]) == 20
    assert len(one.captured_queries) <= 8


def test_the_order_page_shows_lines_totals_with_vat_addresses_and_story(client, camille):
    order = OrderFactory(customer=camille, status=OrderStatus.SHIPPED)
    order.paid_at = order.created_at + dt.timedelta(hours=1)
    order.save()
    shipped = OrderEvent.objects.create(
        order=order,
        kind="shipped",
        from_status=OrderStatus.PACKED,
        to_status=OrderStatus.SHIPPED,
        data={"carrier": "Colissimo", "tracking_number": "6A12345678901"},
    )
    OrderEvent.objects.filter(pk=shipped.pk).update(created_at=order.created_at + dt.timedelta(days=1))
    response = client.get(f"/fr/compte/commandes/{order.number}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Chemise Oxford" in content and "Bleu ciel · 39 · Ajustée" in content
    assert "Total TTC" in content and "100,90\xa0€" in content
    assert "dont TVA" in content and "16,81\xa0€" in content  # 100,90 − 84,09
    assert "12 rue des Lilas" in content and "75011 Paris" in content and "France" in content
    assert "+33 6 12 34 56 78" in content
    assert [str(step.label) for step in response.context["timeline"]] == [
        "Commande passée",
        "Paiement reçu",
        "Colis remis au transporteur",
    ]
    assert "Colissimo 6A12345678901" in content
    # Not delivered yet: the withdrawal is already open (L221-18), its 14 days run from delivery.
    assert "Renoncer au contrat ici" in content
    assert "dès maintenant et jusqu'à 14 jours après sa livraison" in content


def test_another_customer_s_order_is_not_found(client, camille):
    other = OrderFactory(customer=UserFactory())
    guest = OrderFactory(customer=None, email=camille.email)
    assert client.get(f"/fr/compte/commandes/{other.number}/").status_code == 404
    assert client.get(f"/fr/compte/commandes/{guest.number}/").status_code == 404
    assert client.get(f"/fr/compte/commandes/{other.number}/retractation/").status_code == 404


def test_an_empty_history_says_so(client, camille):
    content = html.unescape(client.get("/fr/compte/commandes/").content.decode())
    assert "Vous n'avez pas encore passé de commande." in content


ADDRESS = {
    "first_name": "Camille",
    "last_name": "Durand",
    "company": "",
    "line1": "3 place Bellecour",
    "line2": "",
    "postcode": "69002",
    "city": "Lyon",
    "country": "FR",
    "phone": "06 12 34 56 78",
}


def test_adding_an_address_checks_and_normalises_it(client, camille):
    response = client.post("/fr/compte/adresses/nouvelle/", ADDRESS)
    assert response.status_code == 302
    address = Address.objects.get(customer=camille)
    assert (address.postcode, address.phone, address.is_default) == ("69002", "+33612345678", True)
    assert "Adresse enregistrée." in client.get(response["Location"]).content.decode()


def test_a_postcode_of_the_wrong_shape_re_shows_the_form_and_saves_nothing(client, camille):
    response = client.post("/fr/compte/adresses/nouvelle/", {**ADDRESS, "postcode": "6900"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ce code postal ne correspond pas au pays choisi." in content
    assert 'value="3 place Bellecour"' in content  # what she typed is still there
    assert Address.objects.count() == 0


def test_a_bad_phone_is_refused_too(client, camille):
    response = client.post("/fr/compte/adresses/nouvelle/", {**ADDRESS, "phone": "12"})
    assert "Ce numéro de téléphone n'a pas l'air valide" in html.unescape(response.content.decode())
    assert Address.objects.count() == 0


def test_editing_an_address_keeps_its_place_in_the_book(client, camille):
    address = AddressFactory(customer=camille, is_default=True)
    form = client.get(f"/fr/compte/adresses/{address.pk}/").content.decode()
    assert f'value="{address.line1}"' in form
    response = client.post(f"/fr/compte/adresses/{address.pk}/", {**ADDRESS, "make_default": "on"})
    assert response.status_code == 302
    address.refresh_from_db()
    assert (address.city, address.is_default) == ("Lyon", True)


def test_a_default_address_can_be_chosen_and_an_address_deleted(client, camille):
    first = AddressFactory(customer=camille, is_default=True)
    second = AddressFactory(customer=camille)
    client.post(f"/fr/compte/adresses/{second.pk}/par-defaut/")
    second.refresh_from_db()
    assert second.is_default is True
    assert client.get(f"/fr/compte/adresses/{first.pk}/supprimer/").status_code == 200  # asks first
    client.post(f"/fr/compte/adresses/{first.pk}/supprimer/")
    assert list(Address.objects.filter(customer=camille)) == [second]


def test_another_customer_s_address_is_not_found(client, camille):
    other = AddressFactory(customer=UserFactory())
    assert client.get(f"/fr/compte/adresses/{other.pk}/").status_code == 404
    assert client.post(f"/fr/compte/adresses/{other.pk}/", ADDRESS).status_code == 404
    assert client.post(f"/fr/compte/adresses/{other.pk}/supprimer/").status_code == 404
    assert client.post(f"/fr/compte/adresses/{other.pk}/par-defaut/").status_code == 404
    other.refresh_from_db()
    assert other.line1 != ADDRESS["line1"]


def test_the_address_book_lists_her_addresses_default_first(client, camille):
    AddressFactory(customer=camille, line1="1 rue Oberkampf")
    AddressFactory(customer=camille, line1="2 rue de Charonne", is_default=True)
    AddressFactory(customer=UserFactory(), line1="9 rue Secrète")
    content = client.get("/fr/compte/adresses/").content.decode()
    assert content.index("2 rue de Charonne") < content.index("1 rue Oberkampf")
    assert "9 rue Secrète" not in content


def test_the_profile_saves_name_and_language(client, camille):
    response = client.post(
        "/fr/compte/profil/", {"first_name": "Camille", "last_name": "Durand", "preferred_language": "en"}
    )
    assert response.status_code == 302
    camille.refresh_from_db()
    assert (camille.last_name, camille.preferred_language) == ("Durand", "en")


def test_the_profile_refuses_an_unknown_language(client, camille):
    response = client.post(
        "/fr/compte/profil/", {"first_name": "", "last_name": "", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    camille.refresh_from_db()
    assert camille.preferred_language == "fr"
