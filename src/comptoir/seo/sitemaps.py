"""sitemap.xml: every public page in French and English (hreflang alternates) with its images."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from comptoir.catalog.models import Collection, Product
from comptoir.community.models import Event
from comptoir.content.models import LegalRole, Page, Post
from comptoir.content.selectors import categories_in_use, legal_page, live_posts, tags_in_use

from .catalogue import collections_for_search_engines, products_for_sitemaps


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page: Any = 1, site: Any = None, protocol: str | None = None) -> list[dict[str, Any]]:
        """x-default is the French page, as in the pages' own hreflang links.

        Django's x-default drops the language prefix, but every address here has one.
        """
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            if "x-default" in by_language and settings.LANGUAGE_CODE in by_language:
                by_language["x-default"]["location"] = by_language[settings.LANGUAGE_CODE]["location"]
        return urls


def _latest_change(rows: Any) -> Any:
    """The sitemap index's « lastmod » of a section, asked of the database: Django's default reads every
    row (and what it prefetches) to take the latest of their dates."""
    return rows.aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(_Bilingual):
    changefreq = "weekly"

    def items(self) -> list[str]:
        # The built-in CGV only while no editable page stands for them (it then redirects there).
        if legal_page(role=LegalRole.TERMS_OF_SALE) is not None:
            return ["storefront:home"]
        return ["storefront:home", "storefront:terms"]

    def location(self, item: str) -> str:
        return reverse(item)


class CollectionSitemap(_Bilingual):
    changefreq = "weekly"

    def items(self) -> Any:
        return collections_for_search_engines()

    def lastmod(self, item: Collection) -> Any:
        return item.updated_at

    def get_latest_lastmod(self) -> Any:
        return _latest_change(self.items())


class ProductSitemap(_Bilingual):
    changefreq = "daily"
    limit = 5000  # addresses per file (Google reads up to 50,000): a file stays a second's work

    def items(self) -> Any:
        return products_for_sitemaps()

    def lastmod(self, item: Product) -> Any:
        return item.updated_at

    def get_latest_lastmod(self) -> Any:
        return _latest_change(self.items())

    def get_urls(self, page: Any = 1, site: Any = None, protocol: str | None = None) -> list[dict[str, Any]]:
        """Each product address also lists its photos (Google's image sitemap extension)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            product = url["item"][0] if isinstance(url["item"], tuple) else url["item"]  # (item, language)
            url["images"] = [base + image.fallback_url for image in product.ordered_images]
        return urls


class ContentPageSitemap(_Bilingual):
    changefreq = "monthly"

    def items(self) -> Any:
        return Page.objects.filter(is_published=True)

    def lastmod(self, item: Page) -> Any:
        return item.updated_at

    def get_latest_lastmod(self) -> Any:
        return _latest_change(self.items())


class JournalSitemap(_Bilingual):
    changefreq = "weekly"

    def items(self) -> Any:
        return ["storefront:journal", *categories_in_use(), *tags_in_use(), *live_posts()]

    def location(self, item: Any) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item: Any) -> Any:
        return item.updated_at if isinstance(item, Post) else None


class EventSitemap(_Bilingual):
    changefreq = "weekly"

    def items(self) -> Any:
        return ["storefront:events", *Event.objects.filter(is_published=True).order_by("starts_at")]

    def location(self, item: Any) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "collections": CollectionSitemap,
    "products": ProductSitemap,
    "content": ContentPageSitemap,
    "journal": JournalSitemap,
    "events": EventSitemap,
}
