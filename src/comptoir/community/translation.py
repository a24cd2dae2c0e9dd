from modeltranslation.translator import TranslationOptions, register

from .models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "slug", "description", "cover_alt")
    required_languages = {"fr": ("title", "slug", "description")}
