"""« Clés d'API » in the reseller space: a buyer lists, creates (shown once) and revokes its keys."""

from __future__ import annotations

import pytest

from comptoir.resellers.models import ApiKey
from comptoir.resellers.services.api_keys import authenticate_api_key, create_api_key
from tests.factories import UserFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db

PAGE = "/fr/pro/cles-api/"


@pytest.fixture
def buyer(client):
    PriceListFactory()
    buyer = BuyerFactory(is_admin=False)  # any buyer of the company, not only its admin
    client.force_login(buyer.user)
    return buyer


def test_the_portal_links_to_the_keys_page(client, buyer):
    html = client.get("/fr/pro/").content.decode()
    assert f'href="{PAGE}"' in html


def test_a_buyer_creates_a_key_shown_once_and_working(client, buyer):
    response = client.post(PAGE, {"name": "Site web"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    key = ApiKey.objects.get()
    html = response.content.decode()
    start = html.index('id="new-key" type="text" value="') + len('id="new-key" type="text" value="')
    clear_key = html[start : html.index('"', start)]
    assert clear_key.startswith(f"cpt_{key.prefix}_")
    assert "ne sera plus jamais affichée" in html
    found = authenticate_api_key(clear_key=clear_key)
    assert found is not None and found.buyer == buyer
    # Shown once: the list afterwards names the key by its prefix only.
    again = client.get(PAGE).content.decode()
    assert "Site web" in again and f"cpt_{key.prefix}_…" in again
    assert clear_key not in again


def test_a_nameless_key_is_refused_with_the_form_again(client, buyer):
    response = client.post(PAGE, {"name": ""})
    assert response.status_code == 400
    assert ApiKey.objects.count() == 0


def test_a_buyer_revokes_a_key_of_the_company(client, buyer):
    colleague = BuyerFactory(company=buyer.company)
    created = create_api_key(buyer=colleague, name="Caisse")
    response = client.post(f"{PAGE}{created.api_key.pk}/revoquer/", follow=True)
    assert response.redirect_chain[-1][0] == PAGE
    assert "La clé « Caisse » est révoquée." in response.content.decode()
    created.api_key.refresh_from_db()
    assert created.api_key.revoked_at is not None
    assert authenticate_api_key(clear_key=created.clear_key) is None


def test_another_companys_keys_are_neither_listed_nor_revocable(client, buyer):
    theirs = create_api_key(buyer=BuyerFactory(), name="Leur ERP secret")
    assert "Leur ERP secret" not in client.get(PAGE).content.decode()
    assert client.post(f"{PAGE}{theirs.api_key.pk}/revoquer/").status_code == 404
    theirs.api_key.refresh_from_db()
    assert theirs.api_key.revoked_at is None


def test_a_consumer_and_a_pending_applicant_cannot_reach_the_page(client):
    PriceListFactory()
    client.force_login(UserFactory())
    assert client.get(PAGE)["Location"] == "/fr/pro/devenir-revendeur/"
    assert client.post(PAGE, {"name": "x"})["Location"] == "/fr/pro/devenir-revendeur/"
    assert ApiKey.objects.count() == 0
