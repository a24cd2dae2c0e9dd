"""Builds the Oscar shop's catalogue: PRODUCTS products of VARIANTS sizes each, in stock, in a few categories.

Run by bench/pages.py with the Oscar virtual environment's Python; prints the pages to load as JSON.
"""

import json
import sys
from decimal import Decimal

import django

django.setup()

from oscar.apps.catalogue.categories import create_from_breadcrumbs  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

products, variants = int(sys.argv[1]), int(sys.argv[2])
shirt = ProductClass.objects.create(name="Chemise", track_stock=True)
partner = Partner.objects.create(name="Atelier")
categories = [create_from_breadcrumbs(f"Collection {number}") for number in range(1, 7)]
first_parent = None
for number in range(products):
    parent = Product.objects.create(
        structure=Product.PARENT, title=f"Chemise {number}", product_class=shirt,
        description="Coton biologique tissé au Portugal, col boutonné, coupe droite. " * 3,
    )  # fmt: skip
    ProductCategory.objects.create(product=parent, category=categories[number % len(categories)])
    for size in range(variants):
        child = Product.objects.create(
            structure=Product.CHILD, parent=parent, title=f"Chemise {number} T{size}"
        )
        StockRecord.objects.create(
            product=child, partner=partner, partner_sku=f"CH-{number}-{size}",
            price=Decimal("95.00"), num_in_stock=1_000_000,
        )  # fmt: skip
    first_parent = first_parent or parent
child = first_parent.children.order_by("id").first()
# Oscar's home ("/") redirects to the catalogue; a size is put in the basket from its own page.
print(
    json.dumps(
        {
            "pages": {
                "home": "/catalogue/",
                "collection": categories[0].get_absolute_url(),
                "product": first_parent.get_absolute_url(),
            },
            "size_url": child.get_absolute_url(),
            "add_to_cart": f"/basket/add/{child.pk}/",
        }
    )
)
