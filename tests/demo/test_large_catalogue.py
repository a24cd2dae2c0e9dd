"""The benchmarks' large catalogue: built in bulk on top of the demo shop, once."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from comptoir.catalog.models import Product, Variant
from comptoir.demo.services.build_catalogue import build_demo_shop
from comptoir.inventory.models import StockRecord

pytestmark = pytest.mark.django_db


def test_the_large_catalogue_adds_products_with_variants_and_stock_once(client, capsys):
    build_demo_shop(with_images=False)
    products, variants = Product.objects.count(), Variant.objects.count()

    call_command("large_catalogue", products=30, variants_per_product=4)
    call_command("large_catalogue", products=30, variants_per_product=4)

    assert Product.objects.count() == products + 30
    assert Variant.objects.count() == variants + 30 * 4
    assert StockRecord.objects.filter(variant__sku__startswith="BULK-").count() == 30 * 4
    assert "already there" in capsys.readouterr().out.splitlines()[-1]
    trial = Product.objects.get(slug_fr="essai-00007")
    page = client.get(trial.get_absolute_url())
    assert page.status_code == 200
    assert "n° 00007" in page.content.decode()
    assert "essai" in client.get("/fr/recherche/?q=essai").content.decode()
