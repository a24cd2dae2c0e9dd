from modeltranslation.translator import TranslationOptions, register

from .models import ShippingMethod, ShippingZone


@register(ShippingZone)
class ShippingZoneTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"fr": ("name",)}


@register(ShippingMethod)
class ShippingMethodTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"fr": ("name",)}
