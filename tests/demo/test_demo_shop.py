from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Max, Q
from stdnum import ean

from comptoir.catalog.models import (
    Collection,
    CollectionProduct,
    Product,
    ProductImage,
    ProductStatus,
    Size,
    SizeGuide,
    Variant,
)
from comptoir.core.renditions import RENDITION_NAMES
from comptoir.demo.services.build_catalogue import build_demo_shop
from comptoir.inventory.models import StockRecord

pytestmark = pytest.mark.django_db

SMALL_PICTURES = (120, 150)  # same 4:5 frame, drawn in a fraction of the time


def test_the_command_builds_a_full_published_catalogue():
    out = StringIO()

    call_command("demo_shop", "--without-images", stdout=out)

    published = Product.objects.filter(status=ProductStatus.PUBLISHED)
    assert published.count() >= 40
    assert Product.objects.filter(status=ProductStatus.DRAFT).count() >= 1
    assert Product.objects.filter(status=ProductStatus.ARCHIVED).count() == 1
    assert Variant.objects.filter(is_active=True, product__status=ProductStatus.PUBLISHED).count() >= 300
    assert Collection.objects.count() >= 3
    assert Collection.objects.filter(is_featured=True).count() == 1
    assert "produits" in out.getvalue()
    assert "fondatrice@comptoir.example" in out.getvalue()


def test_every_product_is_written_in_french_and_in_english():
    build_demo_shop(with_images=False)

    for product in Product.objects.all():
        for field in ("name", "slug", "summary", "description", "composition", "care"):
            assert getattr(product, f"{field}_fr"), (product.slug_fr, field)
            assert getattr(product, f"{field}_en"), (product.slug_fr, field)
        assert product.slug_fr != product.slug_en
        assert product.size_guide is not None
        assert product.gender in {"male", "female", "unisex"}
    oxford = Product.objects.get(slug_fr="chemise-oxford-blanche")
    assert oxford.slug_en == "white-oxford-shirt"
    assert oxford.composition_fr == "100 % coton Oxford, filé et tissé au Portugal"
    assert len({product.description_fr for product in Product.objects.all()}) == Product.objects.count()


def test_published_products_carry_dates_flags_and_their_prices():
    build_demo_shop(with_images=False)

    published = Product.objects.filter(status=ProductStatus.PUBLISHED)
    assert not published.filter(published_at__isnull=True).exists()
    assert not Product.objects.filter(status=ProductStatus.DRAFT, published_at__isnull=False).exists()
    assert published.filter(is_new=True).exists()
    assert published.filter(is_best_seller=True).exists()
    assert set(published.values_list("vat_rate", flat=True)) == {Decimal("0.2000")}
    oxford = Product.objects.get(slug_fr="chemise-oxford-blanche")
    assert (oxford.retail_price, oxford.is_best_seller) == (Decimal("95.00"), True)
    # Louis's largest collar costs 10 € more; every other size, the product's price.
    louis = Variant.objects.filter(product__slug_fr="chemise-louis-rayures").select_related("size")
    prices = {variant.size.slug: variant.retail_price for variant in louis}
    largest = max(prices, key=lambda slug: int(slug.removeprefix("col-")))
    assert prices.pop(largest) == Decimal("125.00")
    assert set(prices.values()) == {None}
    assert Product.objects.get(slug_fr="chemise-louis-rayures").retail_price == Decimal("115.00")


def test_the_boutique_asks_10_euros_more_for_the_largest_collar_only(client):
    build_demo_shop(with_images=False)
    url = Product.objects.get(slug_fr="chemise-louis-rayures").get_absolute_url()

    def shown_price(size: str) -> str:
        page = client.get(url, {"size": size}).content.decode()
        return page.split('<span class="product__amount">', 1)[1].split("</span>", 1)[0]

    assert client.get(url).status_code == 200
    assert shown_price("col-39") == "115,00\xa0€"
    assert shown_price("col-45") == "125,00\xa0€"


def test_every_variant_has_a_unique_sku_a_valid_barcode_and_a_stock_record():
    build_demo_shop(with_images=False)

    variants = list(Variant.objects.select_related("stock"))
    assert len({variant.sku for variant in variants}) == len(variants)
    assert all(variant.ean13 and ean.is_valid(variant.ean13) for variant in variants)
    assert len({variant.ean13 for variant in variants}) == len(variants)
    assert all(150 <= variant.weight_grams <= 520 for variant in variants)
    assert all(variant.stock.location for variant in variants)
    assert Variant.objects.get(sku="ML-OXF-BLA-39").size == Size.objects.get(slug="col-39")


def test_some_sizes_are_sold_out_some_low_and_some_colours_gone_entirely():
    build_demo_shop(with_images=False)

    on_sale = StockRecord.objects.filter(variant__product__status=ProductStatus.PUBLISHED)
    assert on_sale.filter(on_hand=0).count() >= 10
    assert on_sale.filter(on_hand__range=(1, 3)).count() >= 10
    assert on_sale.filter(on_hand__gte=5).count() > on_sale.count() // 2
    # a colour sold out in every size, on a product that still has another colour for sale
    by_colour = (
        Variant.objects.filter(product__status=ProductStatus.PUBLISHED)
        .order_by()
        .values("product_id", "colour_id")
        .annotate(most=Max("stock__on_hand"))
    )
    sold_out_colours = {(row["product_id"], row["colour_id"]) for row in by_colour if row["most"] == 0}
    assert len(sold_out_colours) >= 3


def test_collections_order_their_products_and_size_guides_have_tables():
    build_demo_shop(with_images=False)

    for collection in Collection.objects.annotate(size=Count("memberships")):
        assert collection.size >= 4
        positions = list(
            CollectionProduct.objects.filter(collection=collection).values_list("position", flat=True)
        )
        assert sorted(positions) == list(range(len(positions)))
    summer = Collection.objects.get(slug_fr="ete-2027")
    assert summer.slug_en == "summer-2027"
    assert summer.is_featured
    for guide in SizeGuide.objects.all():
        assert guide.table_fr and guide.table_en
        rows = guide.rows
        assert len(rows) >= 6
        assert len({len(row) for row in rows}) == 1  # every row has as many cells as the header


def test_the_founder_can_log_in_as_staff():
    report = build_demo_shop(with_images=False)

    user = get_user_model().objects.get(email="fondatrice@comptoir.example")
    assert report.staff_user_created
    assert user.is_staff
    assert user.is_superuser
    assert user.check_password("comptoir-demo")


def test_running_it_again_duplicates_nothing_and_keeps_the_founders_changes():
    build_demo_shop(with_images=False)
    counts = (Product.objects.count(), Variant.objects.count(), Collection.objects.count())
    product = Product.objects.get(slug_fr="chemise-oxford-blanche")
    product.name_fr = "Chemise Oxford blanche — édition limitée"
    product.save()
    user = get_user_model().objects.get(email="fondatrice@comptoir.example")
    user.set_password("un-mot-de-passe-a-elle")
    user.save()
    out = StringIO()

    call_command("demo_shop", "--without-images", stdout=out)

    assert (Product.objects.count(), Variant.objects.count(), Collection.objects.count()) == counts
    assert StockRecord.objects.count() == counts[1]
    product.refresh_from_db()
    assert product.name_fr == "Chemise Oxford blanche — édition limitée"
    user.refresh_from_db()
    assert user.check_password("un-mot-de-passe-a-elle")
    assert get_user_model().objects.filter(email="fondatrice@comptoir.example").count() == 1
    assert "conservé" in out.getvalue()


def test_the_staff_user_is_recreated_when_only_the_catalogue_exists():
    build_demo_shop(with_images=False)
    get_user_model().objects.all().delete()

    report = build_demo_shop(with_images=False)

    assert not report.catalogue_built
    assert report.staff_user_created
    assert get_user_model().objects.get(email="fondatrice@comptoir.example").check_password("comptoir-demo")


def test_each_colour_gets_two_described_pictures_with_their_renditions_on_disk():
    report = build_demo_shop(image_size=SMALL_PICTURES)

    product_colours = Variant.objects.values("product_id", "colour_id").distinct().count()
    assert report.images == ProductImage.objects.count() == 2 * product_colours
    per_colour = (
        ProductImage.objects.order_by().values("product_id", "colour_id").annotate(pictures=Count("id"))
    )
    assert {row["pictures"] for row in per_colour} == {2}
    assert not ProductImage.objects.filter(Q(alt_text_fr="") | Q(alt_text_en="")).exists()
    for image in ProductImage.objects.select_related("product"):
        assert image.alt_text_fr.startswith(image.product.name_fr)
        assert image.alt_text_en.startswith(image.product.name_en)
        assert (image.width, image.height) == SMALL_PICTURES
        assert image.image.storage.exists(image.image.name)
        for rendition in RENDITION_NAMES:
            cache_file = getattr(image, rendition)
            assert cache_file.storage.exists(cache_file.name), (image.image.name, rendition)
    gaspard = ProductImage.objects.filter(product__slug_fr="chemise-gaspard-oxford", colour__slug="bleu-ciel")
    assert [image.alt_text_fr for image in gaspard] == [
        "Chemise Gaspard en Oxford, coloris bleu ciel, vue de face",
        "Chemise Gaspard en Oxford, coloris bleu ciel, détail du col boutonné",
    ]
    assert gaspard[0].alt_text_en == "Gaspard Oxford shirt in sky blue, front view"


def test_a_failed_build_leaves_no_rows_and_no_files(monkeypatch):
    from comptoir.demo.services import build_catalogue as module

    written: list[str] = []
    real_create_images = module._create_images

    def create_images_then_fail(*args, **kwargs):
        real_create_images(*args, **kwargs)
        written.extend(args[-1])
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "_create_images", create_images_then_fail)

    with pytest.raises(RuntimeError):
        build_demo_shop(image_size=SMALL_PICTURES)

    assert not Product.objects.exists()
    assert not Variant.objects.exists()
    assert not ProductImage.objects.exists()
    assert written
    storage = ProductImage._meta.get_field("image").storage
    assert not any(storage.exists(name) for name in written)
