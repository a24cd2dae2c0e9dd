"""The founder edits zones, methods and their weight bands in Django's admin."""

import pytest

from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.shipping.models import ShippingMethod
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    ensure_demo_shipping()
    return client


def test_the_zone_list_shows_each_zone_with_its_number_of_countries(founder_client):
    response = founder_client.get("/fr/admin/shipping/shippingzone/")
    content = response.content.decode()

    assert response.status_code == 200
    assert "Union européenne" in content
    assert '<td class="field-countries_count">26</td>' in content


def test_the_method_list_shows_zone_carrier_and_free_shipping_threshold(founder_client):
    response = founder_client.get("/fr/admin/shipping/shippingmethod/")
    content = response.content.decode()

    assert response.status_code == 200
    assert "Point relais Mondial Relay" in content
    assert "Mondial Relay, point relais" in content
    assert "100,00" in content


def test_a_method_page_shows_its_weight_bands_inline_in_both_languages(founder_client):
    method = ShippingMethod.objects.get(name_fr="Colissimo à domicile")

    response = founder_client.get(f"/fr/admin/shipping/shippingmethod/{method.pk}/change/")
    content = response.content.decode()

    assert response.status_code == 200
    assert 'name="bands-0-max_weight_grams"' in content
    assert 'value="5000"' in content
    assert 'name="name_en"' in content


@pytest.mark.parametrize("path", ["shipping/shippingzone/add/", "shipping/shippingmethod/add/"])
def test_the_add_forms_open(founder_client, path):
    assert founder_client.get(f"/fr/admin/{path}").status_code == 200
