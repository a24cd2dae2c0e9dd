"""The founder edits the whole catalogue in Django's admin, with variants and images inline."""

import pytest

from tests.factories import CollectionFactory, ProductImageFactory, UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_a_product_page_in_the_admin_shows_its_variants_and_images_inline(founder_client):
    variant = VariantFactory(sku="ML-OXF-BLA-39")
    ProductImageFactory(product=variant.product, alt_text_fr="Chemise blanche de face")
    response = founder_client.get(f"/fr/admin/catalog/product/{variant.product.pk}/change/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "ML-OXF-BLA-39" in content
    assert "Chemise blanche de face" in content
    assert 'name="name_en"' in content  # both languages editable


@pytest.mark.parametrize(
    "path",
    [
        "catalog/product/",
        "catalog/product/add/",
        "catalog/variant/",
        "catalog/collection/",
        "catalog/colour/",
        "catalog/sizescale/",
        "catalog/sizeguide/",
        "inventory/stockrecord/",
        "accounts/user/",
    ],
)
def test_every_catalogue_list_and_form_opens(founder_client, path):
    CollectionFactory()
    VariantFactory()
    assert founder_client.get(f"/fr/admin/{path}").status_code == 200


def test_a_customer_cannot_open_the_admin(client):
    client.force_login(UserFactory())
    response = client.get("/fr/admin/catalog/product/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
