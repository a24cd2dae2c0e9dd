"""PostgreSQL keeps each product's search documents itself (catalog migration 0006), whatever writes it."""

from decimal import Decimal

import pytest
from django.db import connection
from django.utils import translation

from comptoir.catalog.models import Product, ProductStatus, Variant
from comptoir.merchandising import selectors
from comptoir.pricing.policy import policy_for
from tests.factories import ProductFactory, VariantFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the stored search documents, their trigger and their indexes exist on PostgreSQL only; "
        "SQLite searches the texts themselves (tests/merchandising/test_selectors.py)",
    ),
]
RETAIL = policy_for(customer=None)


def found(query: str, *, language: str = "fr") -> list[str]:
    with translation.override(language):
        return [product.name for product in selectors.search_products(query=query, pricing_policy=RETAIL)]


def test_a_saved_product_is_found_by_its_new_name_and_no_longer_by_the_old_one():
    product = ProductFactory(name_fr="Blouson aviateur")
    assert found("aviateur") == ["Blouson aviateur"]
    product.name_fr = "Parka matelassée"
    product.save()
    assert found("parka") == ["Parka matelassée"]
    assert found("aviateur") == []


def test_update_keeps_the_document_right():
    product = ProductFactory(name_fr="Blouson aviateur")
    Product.objects.filter(pk=product.pk).update(name_fr="Parka matelassée")
    assert found("parka") == ["Parka matelassée"]
    assert found("aviateur") == []


def test_an_update_of_other_columns_leaves_the_document_as_it_was():
    product = ProductFactory(name_fr="Blouson aviateur")
    Product.objects.filter(pk=product.pk).update(position=7)
    assert found("aviateur") == ["Blouson aviateur"]


def bulk_create_products(*, name: str, slug: str, numbers) -> None:
    """Published products written by bulk_create, which sends no signal: only the trigger can see them."""
    Product.objects.bulk_create(
        Product(
            name_fr=f"{name} {number}",
            slug_fr=f"{slug}-{number}",
            status=ProductStatus.PUBLISHED,
            retail_price=Decimal("60.00"),
            position=number,
        )
        for number in numbers
    )


def test_bulk_created_products_are_found():
    bulk_create_products(name="Marinière rayée", slug="mariniere", numbers=(1, 2))
    assert found("marinière") == ["Marinière rayée 1", "Marinière rayée 2"]


def test_a_document_written_by_hand_is_computed_again():
    product = ProductFactory(name_fr="Blouson aviateur")
    Product.objects.filter(pk=product.pk).update(search_document_fr=None)
    assert found("aviateur") == ["Blouson aviateur"]


def test_english_pages_search_the_english_texts_in_english():
    ProductFactory(
        name_fr="Chemise en lin",
        name_en="Linen shirt",
        description_fr="Lin lavé",
        description_en="Washed linen",
        composition_en="100 % flax",
    )
    assert found("linen", language="en") == ["Linen shirt"]
    assert found("flax", language="en") == ["Linen shirt"]
    assert found("shirts", language="en") == ["Linen shirt"]  # the English stemmer
    assert found("lavé", language="en") == []
    assert found("linen") == []
    assert found("lavé") == ["Chemise en lin"]


def test_a_word_of_the_name_ranks_before_a_word_of_the_description():
    ProductFactory(name_fr="Pull marin", description_fr="Un pull en laine", position=1)
    ProductFactory(name_fr="Veste en laine", description_fr="Une veste", position=2)
    assert found("laine") == ["Veste en laine", "Pull marin"]


def test_websearch_syntax_and_skus_together():
    ProductFactory(name_fr="Pull marin", description_fr="Laine")
    ProductFactory(name_fr="Pull camionneur", description_fr="Laine")
    sku_only = ProductFactory(name_fr="Veste", description_fr="Coton")
    VariantFactory(product=sku_only, sku="PULL-0001")
    assert found('"pull marin"') == ["Pull marin"]
    assert found("pull -camionneur") == ["Pull marin"]
    assert found("PULL-0001") == ["Veste"]


def test_the_search_is_written_so_that_the_document_index_and_the_sku_index_serve_it():
    bulk_create_products(name="Chemise d'essai", slug="essai", numbers=range(2000))  # 1 match in 2,001
    VariantFactory(product=ProductFactory(name_fr="Blouson aviateur"), sku="AVI-0001")
    with translation.override("fr"):
        listing = selectors.search_products(query="aviateur", pricing_policy=RETAIL)
        search_sql, _params = listing._products.values("pk").query.sql_with_params()
        skus = (
            Variant.objects.filter(sku__icontains="AVI")
            .order_by()
            .values("product_id")
            .query.sql_with_params()
        )
    # « document @@ query OR id IN (subquery) » can use neither index: PostgreSQL reads every row.
    # « document @@ query OR id = ANY(ARRAY(subquery)) » lets it OR the two indexes (BitmapOr).
    assert '"catalog_product"."search_document_fr" @@' in search_sql
    assert "= ANY(ARRAY(" in search_sql
    assert " IN (SELECT" not in search_sql
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_product")
        cursor.execute("ANALYZE catalog_variant")
        # 2,001 short products still fit in a few pages: reading them all would be the planner's
        # cheapest choice. Forbidden to, it must reach the one match through each index. (The whole
        # search's plan is the planner's to choose from the statistics of the moment.)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM catalog_product WHERE search_document_fr @@ "
            "websearch_to_tsquery('french'::regconfig, 'aviateur')"
        )
        document_plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN {skus[0]}", skus[1])
        sku_plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'catalog_variant_sku_upper_trgm'")
        (trigram_indexes,) = cursor.fetchone()
    assert "catalog_product_search_fr_gin" in document_plan
    if trigram_indexes:  # created unless the database refused pg_trgm
        assert "catalog_variant_sku_upper_trgm" in sku_plan
