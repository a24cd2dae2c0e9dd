from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from comptoir.core.money import format_money
from comptoir.pricing.policy import RetailPolicy

from .markdown import render_markdown
from .models import Category, Page, Post, Tag
from .selectors import preview_token

# The live preview beside the Markdown field: a small script posting the text to the preview view.
PREVIEW_JS = ("content/admin_preview.js",)
PREVIEW_CSS = {"all": ("content/admin_preview.css",)}


@admin.register(Post)
class PostAdmin(TabbedTranslationAdmin):
    list_display = ("title", "status", "publish_at", "category", "author")
    list_filter = ("status", "category", "tags")
    search_fields = ("title_fr", "title_en", "body_fr")
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}
    filter_horizontal = ("tags",)
    readonly_fields = ("private_link",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "excerpt", "body")}),
        (_("Image"), {"fields": ("cover", "cover_alt")}),
        (
            _("Publication"),
            {"fields": ("status", "publish_at", "author", "category", "tags", "private_link")},
        ),
        (_("Référencement"), {"fields": ("meta_description",), "classes": ("collapse",)}),
    )

    class Media:
        js = PREVIEW_JS
        css = PREVIEW_CSS

    def get_urls(self):  # type: ignore[no-untyped-def]
        preview = path("preview/", self.admin_site.admin_view(self.markdown_preview), name="content_preview")
        return [preview, *super().get_urls()]

    def markdown_preview(self, request: HttpRequest) -> HttpResponse:
        """What the Markdown typed so far will look like (staff only, through admin_view)."""
        if request.method != "POST":
            return HttpResponse(status=405)
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        parts: list[str] = []
        for block in render_markdown(request.POST.get("text", "")[:100_000]):
            if block.product is not None:
                quote = RetailPolicy().listing_quote(product=block.product)
                parts.append(
                    format_html(
                        '<p class="product-mention">{} — {}</p>',
                        block.product.name,
                        format_money(quote.displayed_unit),
                    )
                )
            else:
                parts.append(block.html or "")
        return HttpResponse("".join(parts))

    def get_changeform_initial_data(self, request):  # type: ignore[no-untyped-def]
        return {**super().get_changeform_initial_data(request), "author": request.user.pk}

    @admin.display(description=_("lien privé d'aperçu"))
    def private_link(self, post: Post) -> str:
        if not post.pk:
            return str(_("Enregistrez d'abord l'article."))
        url = reverse("storefront:journal_preview", kwargs={"token": preview_token(post=post)})
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ("title", "legal_role", "is_published", "in_footer", "position")
    list_filter = ("legal_role",)
    list_editable = ("is_published", "in_footer", "position")
    prepopulated_fields = {"slug_fr": ("title_fr",), "slug_en": ("title_en",)}

    class Media:
        js = PREVIEW_JS
        css = PREVIEW_CSS


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "position")
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name",)
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}
