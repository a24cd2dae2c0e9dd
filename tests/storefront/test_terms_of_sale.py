"""The terms of sale the checkout links to exist in both languages and the footer leads to them."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_terms_of_sale_say_how_to_withdraw_in_french(client):
    response = client.get("/fr/conditions-generales-de-vente/")
    assert response.status_code == 200
    assert "Renoncer au contrat ici" in response.content.decode()


def test_the_footer_links_to_the_terms_in_the_visitor_language(client):
    page = client.get("/en/").content.decode()
    assert 'href="/en/terms-of-sale/"' in page
