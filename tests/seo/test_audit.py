"""The SEO audit finds nothing on a well-kept shop, and each fault planted in it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from comptoir.catalog.models import ProductImage, Variant
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.seo.site_audit import run_site_audit as run_audit
from comptoir.seo.sitemaps import CollectionSitemap
from tests.factories import CollectionFactory, ProductFactory, ProductImageFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    ensure_demo_shipping()
    collection = CollectionFactory(
        name_fr="Été 2027", name_en="Summer 2027", is_featured=True,
        description_fr="Lin, seersucker et popeline légère pour les jours chauds, coupés à Paris.",
        description_en="Linen, seersucker and light poplin for warm days, cut in Paris.",
    )  # fmt: skip
    products = []
    for _ in range(3):
        product = ProductFactory(in_collections=[collection])
        VariantFactory(product=product, on_hand=5)
        ProductImageFactory(product=product)
        products.append(product)
    return collection, products


def kinds(problems) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for problem in problems:
        found.setdefault(problem.kind, set()).add(problem.url)
    return found


def test_a_well_kept_shop_has_nothing_to_fix(shop, capsys):
    assert run_audit() == []
    call_command("seo_audit")
    assert "Aucun problème trouvé." in capsys.readouterr().out


def test_each_planted_fault_is_found_with_a_link_to_fix_it(shop, settings, tmp_path, monkeypatch):
    collection, (first, second, third) = shop
    ProductImage.objects.filter(product=first).update(alt_text_fr="")
    for product in (second, third):
        product.meta_title_fr = "Chemise en coton"
        product.save()
    collection.meta_description_fr = "Été."
    collection.save()
    Variant.objects.filter(product=third).update(is_active=False)
    monkeypatch.setattr(CollectionSitemap, "items", lambda self: [])
    # A link to a page that does not exist, planted in the header of every page.
    partials = tmp_path / "storefront" / "partials"
    partials.mkdir(parents=True)
    (partials / "mini_cart.html").write_text('<a href="/fr/page-disparue/">Ancienne page</a>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    problems = run_audit(image_budget_kb=1)
    found = kinds(problems)

    first_url, second_url, third_url = (f"/fr/produits/{p.slug_fr}/" for p in (first, second, third))
    collection_url = f"/fr/collections/{collection.slug_fr}/"
    assert first_url in found["image_alt"]
    assert {second_url, third_url} <= found["duplicate_title"]
    assert collection_url in found["description"]
    assert third_url in found["json_ld"]
    assert collection_url in found["sitemap"]
    assert "/fr/" in found["broken_link"]
    assert first_url in found["image_weight"]
    [alt_problem] = [p for p in problems if p.kind == "image_alt" and p.url == first_url]
    assert alt_problem.fix_url == f"/fr/admin/catalog/product/{first.pk}/change/"
    with pytest.raises(CommandError, match="problème"):
        call_command("seo_audit")
