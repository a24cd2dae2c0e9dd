"""Old addresses never break: a renamed product or collection answers a 301 to its new page, forever."""

from __future__ import annotations

import pytest

from comptoir.catalog.models import ProductStatus
from tests.factories import CollectionFactory, ProductFactory, VariantFactory

pytestmark = pytest.mark.django_db


def test_a_product_whose_slug_changed_answers_301_to_its_new_address(client):
    product = ProductFactory(slug_fr="chemise-oxford", slug_en="oxford-shirt")
    VariantFactory(product=product)
    product.slug_fr = "chemise-oxford-blanche"
    product.save()
    product.slug_fr = "chemise-oxford-blanche-coton-bio"  # renamed twice: both old addresses still work
    product.save()

    for old in ("chemise-oxford", "chemise-oxford-blanche"):
        response = client.get(f"/fr/produits/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/fr/produits/chemise-oxford-blanche-coton-bio/"
    assert client.get("/fr/produits/chemise-oxford-blanche-coton-bio/").status_code == 200


def test_a_slug_given_back_to_its_product_is_its_address_again(client):
    product = ProductFactory(slug_fr="lin-sauge")
    VariantFactory(product=product)
    product.slug_fr = "lin-vert-sauge"
    product.save()
    product.slug_fr = "lin-sauge"
    product.save()
    assert client.get("/fr/produits/lin-sauge/").status_code == 200
    assert client.get("/fr/produits/lin-vert-sauge/")["Location"] == "/fr/produits/lin-sauge/"


def test_an_archived_product_sends_visitors_to_its_collection(client):
    collection = CollectionFactory(slug_fr="ete-2026")
    product = ProductFactory(slug_fr="chemise-ete", in_collections=[collection])
    product.status = ProductStatus.ARCHIVED
    product.save()
    response = client.get("/fr/produits/chemise-ete/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/collections/ete-2026/"


def test_a_draft_or_unknown_product_is_not_found(client):
    ProductFactory(slug_fr="brouillon", status=ProductStatus.DRAFT)
    assert client.get("/fr/produits/brouillon/").status_code == 404
    assert client.get("/fr/produits/jamais-existe/").status_code == 404


def test_a_renamed_collection_answers_301(client):
    collection = CollectionFactory(slug_fr="essentiels")
    collection.slug_fr = "les-essentiels"
    collection.save()
    response = client.get("/fr/collections/essentiels/?size=40")
    assert response.status_code == 301
    assert response["Location"] == "/fr/collections/les-essentiels/?size=40"
