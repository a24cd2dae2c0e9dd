"""Seed the retail price history with every variant's current price: the history starts today."""

from django.db import migrations
from django.utils import timezone


def seed_current_prices(apps, schema_editor):
    Variant = apps.get_model("catalog", "Variant")
    RetailPriceRecord = apps.get_model("pricing", "RetailPriceRecord")
    now = timezone.now()
    variants = Variant.objects.order_by("pk").values_list("pk", "retail_price", "product__retail_price")
    RetailPriceRecord.objects.bulk_create(
        [
            RetailPriceRecord(
                variant_id=variant_id,
                gross_price=own if own is not None else product_price,
                recorded_at=now,
            )
            for variant_id, own, product_price in variants.iterator()
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pricing", "0002_sales_and_retail_price_history"),
        ("catalog", "0002_search_engine_texts"),
    ]

    operations = [migrations.RunPython(seed_current_prices, migrations.RunPython.noop)]
