from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from comptoir.catalog.models import ProductImage, validate_ean13
from comptoir.core.renditions import RENDITION_NAMES
from comptoir.inventory.models import Availability, StockRecord
from tests.factories import ProductFactory, ProductImageFactory, VariantFactory

pytestmark = pytest.mark.django_db


def test_a_valid_ean13_passes_and_a_wrong_check_digit_is_refused():
    validate_ean13("4006381333931")
    with pytest.raises(ValidationError):
        validate_ean13("4006381333932")
    with pytest.raises(ValidationError):
        validate_ean13("400638133393")


def test_a_variant_with_a_bad_barcode_does_not_validate():
    variant = VariantFactory.build(ean13="3760000000001", product=ProductFactory())
    with pytest.raises(ValidationError) as error:
        variant.full_clean(exclude=["size", "colour"])
    assert "ean13" in error.value.message_dict


def test_two_variants_cannot_share_a_sku():
    variant = VariantFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        VariantFactory(sku=variant.sku)


def test_the_same_options_cannot_be_entered_twice_for_a_product():
    variant = VariantFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        VariantFactory(product=variant.product, size=variant.size, colour=variant.colour)


def test_stock_cannot_go_negative_in_the_database():
    variant = VariantFactory(on_hand=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(variant=variant).update(on_hand=-1)


def test_a_price_must_be_positive():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductFactory(retail_price=Decimal("0"))


@pytest.mark.parametrize(
    ("on_hand", "expected"),
    [(0, Availability.SOLD_OUT), (1, Availability.LOW), (3, Availability.LOW), (4, Availability.IN_STOCK)],
)
def test_availability_follows_the_stock(on_hand, expected):
    assert VariantFactory(on_hand=on_hand).stock.availability == expected


def test_product_names_and_addresses_follow_the_language():
    product = ProductFactory(
        name_fr="Chemise Oxford", name_en="Oxford shirt", slug_fr="oxford-fr", slug_en="oxford-en"
    )
    with translation.override("fr"):
        assert product.name == "Chemise Oxford"
        assert product.get_absolute_url() == "/fr/produits/oxford-fr/"
    with translation.override("en"):
        assert product.name == "Oxford shirt"
        assert product.get_absolute_url() == "/en/products/oxford-en/"


def test_alt_text_is_required_on_an_image():
    image = ProductImageFactory.build(product=ProductFactory(), alt_text_fr="", alt_text="")
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "alt_text" in str(error.value)


def test_an_image_gets_webp_and_jpeg_renditions_in_several_widths():
    image = ProductImageFactory()
    srcset = image.srcset("webp")
    # The 600 px source: a 480 rendition, then itself (never upscaled); no 1200 entry.
    assert [entry.rsplit(" ", 1)[1] for entry in srcset.split(", ")] == ["480w", "600w"]
    assert all(".webp" in entry for entry in srcset.split(", "))
    assert image.webp_480.storage.exists(image.webp_480.name)
    assert image.jpeg_800.storage.exists(image.jpeg_800.name)


def test_product_images_keep_the_rendition_names_already_on_disk():
    """The shared rendition specs hash the same source name, processors, format and options as before."""
    image = ProductImage(product_id=7, width=3000, height=2000)
    image.image.name = "products/7/shirt.jpg"
    folder = "renditions/products/7/shirt/"
    assert [getattr(image, name).name for name in RENDITION_NAMES] == [
        folder + "78f953428e418ea2e635acef1432069f.webp",
        folder + "9ee81357dc31ca3b8b0370fc120e28e2.webp",
        folder + "5e265ae6caad04faea45e3343de69e1e.webp",
        folder + "ee54acffe3fe70f8bb5d023af0b494a1.jpg",
        folder + "ef9b248a054e689370c409cbbb3894d8.jpg",
        folder + "1ca0c68db925690588fdf56f1e73537d.jpg",
    ]
    assert image.fallback_url == "/media/" + folder + "ef9b248a054e689370c409cbbb3894d8.jpg"
    assert image.srcset_webp == ", ".join(
        f"/media/{folder}{name}.webp {width}w"
        for name, width in [
            ("78f953428e418ea2e635acef1432069f", 480),
            ("9ee81357dc31ca3b8b0370fc120e28e2", 800),
            ("5e265ae6caad04faea45e3343de69e1e", 1200),
        ]
    )
