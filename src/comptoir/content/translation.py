from modeltranslation.translator import TranslationOptions, register

from .models import Category, Page, Post, Tag


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "body", "meta_description")
    required_languages = {"fr": ("title", "slug", "body")}


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug")
    required_languages = {"fr": ("name", "slug")}


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name", "slug")
    required_languages = {"fr": ("name", "slug")}


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "slug", "excerpt", "body", "cover_alt", "meta_description")
    required_languages = {"fr": ("title", "slug", "body")}
