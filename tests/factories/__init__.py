"""factory_boy factories for the catalogue, stock and accounts."""

from __future__ import annotations

import io
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from PIL import Image
from stdnum import ean

from comptoir.accounts.models import User
from comptoir.catalog.models import (
    Collection,
    CollectionProduct,
    Colour,
    Fit,
    Product,
    ProductImage,
    ProductStatus,
    Size,
    SizeScale,
    Variant,
)
from comptoir.inventory.models import StockRecord


def ean13_for(number: int) -> str:
    first_twelve = f"376{number:09d}"
    return first_twelve + ean.calc_check_digit(first_twelve)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    password = factory.django.Password("a-long-test-password")


class SizeScaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SizeScale

    name = "Tour de cou"


class SizeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Size

    scale = factory.SubFactory(SizeScaleFactory)
    label = factory.Sequence(lambda n: str(37 + n))
    slug = factory.Sequence(lambda n: f"size-{n}")
    position = factory.Sequence(lambda n: n)


class ColourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Colour

    name_fr = factory.Sequence(lambda n: f"Couleur {n}")
    name_en = factory.Sequence(lambda n: f"Colour {n}")
    slug = factory.Sequence(lambda n: f"colour-{n}")
    hex_code = "#dde6f0"


class FitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fit

    name_fr = "Ajustée"
    name_en = "Slim"
    slug = factory.Sequence(lambda n: f"fit-{n}")


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    name_fr = factory.Sequence(lambda n: f"Collection {n}")
    name_en = factory.Sequence(lambda n: f"Collection EN {n}")
    slug_fr = factory.Sequence(lambda n: f"collection-{n}")
    slug_en = factory.Sequence(lambda n: f"collection-en-{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        skip_postgeneration_save = True

    name_fr = factory.Sequence(lambda n: f"Chemise {n}")
    name_en = factory.Sequence(lambda n: f"Shirt {n}")
    slug_fr = factory.Sequence(lambda n: f"chemise-{n}")
    slug_en = factory.Sequence(lambda n: f"shirt-{n}")
    description_fr = "Une chemise en popeline de coton."
    description_en = "A cotton poplin shirt."
    status = ProductStatus.PUBLISHED
    retail_price = Decimal("95.00")
    published_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").UTC)

    @factory.post_generation
    def in_collections(self, create: bool, extracted: list[Collection] | None, **kwargs: object) -> None:
        if not create:
            return
        for position, collection in enumerate(extracted or []):
            CollectionProduct.objects.create(collection=collection, product=self, position=position)


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Variant
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    size = factory.SubFactory(SizeFactory)
    colour = factory.SubFactory(ColourFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    ean13 = factory.Sequence(ean13_for)
    weight_grams = 300

    @factory.post_generation
    def on_hand(self, create: bool, extracted: int | None, **kwargs: object) -> None:
        if create:
            StockRecord.objects.create(variant=self, on_hand=10 if extracted is None else extracted)


def jpeg_bytes(width: int = 600, height: int = 750, colour: str = "#c9d6e3") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


class ProductImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ProductFactory)
    alt_text_fr = "Chemise vue de face"
    alt_text_en = "Shirt seen from the front"
    image = factory.LazyAttribute(
        lambda image: ContentFile(jpeg_bytes(colour=image.hex_code), name="shirt.jpg")
    )

    class Params:
        hex_code = "#c9d6e3"
