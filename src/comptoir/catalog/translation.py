from modeltranslation.translator import TranslationOptions, register

from .models import Collection, Colour, Fit, Product, ProductImage, SizeGuide


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = (
        "name",
        "slug",
        "summary",
        "description",
        "composition",
        "care",
        "meta_title",
        "meta_description",
    )
    required_languages = {"fr": ("name", "slug")}


@register(Collection)
class CollectionTranslation(TranslationOptions):
    fields = ("name", "slug", "description", "meta_title", "meta_description")
    required_languages = {"fr": ("name", "slug")}


@register(Colour)
class ColourTranslation(TranslationOptions):
    fields = ("name",)


@register(Fit)
class FitTranslation(TranslationOptions):
    fields = ("name",)


@register(SizeGuide)
class SizeGuideTranslation(TranslationOptions):
    fields = ("name", "introduction", "table")


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text",)
    required_languages = {"fr": ("alt_text",)}
