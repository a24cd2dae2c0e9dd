"""The SEO audit: walk every public page as a crawler does and list what would cost visibility.

Each problem names the page, says what is wrong in the founder's words, and links to where she
fixes it (the product or collection in the back-office). Run it with ``manage.py seo_audit``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from comptoir.catalog.models import Collection, Product

from .sitemaps import SITEMAPS

MIN_DESCRIPTION = 50
MAX_PAGES = 5000
REQUIRED_OFFER = ("price", "priceCurrency", "availability")


@dataclass(frozen=True)
class Problem:
    url: str
    kind: str
    message: str
    fix_url: str = ""


@dataclass
class Page:
    url: str
    status: int
    is_html: bool = True
    title: str = ""
    description: str = ""
    noindex: bool = False
    links: list[str] = field(default_factory=list)
    images: list[tuple[str, str | None]] = field(default_factory=list)  # (src, alt or None)
    json_ld: list[Any] = field(default_factory=list)


class _PageReader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in_title = False
        self._in_json_ld = False
        self._json = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name") == "description":
            self.page.description = (values.get("content") or "").strip()
        elif tag == "meta" and values.get("name") == "robots":
            self.page.noindex = "noindex" in (values.get("content") or "")
        elif tag == "a" and values.get("href"):
            self.page.links.append(values["href"] or "")
        elif tag == "img":
            self.page.images.append((values.get("src") or "", values.get("alt")))
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld, self._json = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            try:
                self.page.json_ld.append(json.loads(self._json))
            except ValueError:
                self.page.json_ld.append(None)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
        elif self._in_json_ld:
            self._json += data


def sitemap_paths() -> set[str]:
    """Every address the sitemap lists, as paths, in every language."""
    paths = set()
    for sitemap_class in SITEMAPS.values():
        sitemap = sitemap_class()
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for item in sitemap.items():
                    paths.add(
                        sitemap.location(item) if hasattr(sitemap, "location") else item.get_absolute_url()
                    )
    return paths


def _is_public(path: str, private_prefixes: Iterable[str]) -> bool:
    return (
        path.startswith("/")
        and not path.startswith("//")
        and not any(path.startswith(prefix) for prefix in private_prefixes)
    )


def fix_url_for(path: str) -> str:
    """The back-office page where the founder fixes what this page shows."""
    language = _language_of(path)
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return ""
    slug = match.kwargs.get("slug", "")
    found: Product | Collection | None = None
    if match.url_name == "product":
        found = Product.objects.filter(**{f"slug_{language}": slug}).only("pk").first()
    elif match.url_name == "collection":
        found = Collection.objects.filter(**{f"slug_{language}": slug}).only("pk").first()
    if found is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):  # the back-office in the shop's language
        return reverse(f"admin:catalog_{found._meta.model_name}_change", args=[found.pk])


def audit_site(
    *,
    fetch: Callable[[str], tuple[int, str | None]],
    start_paths: Iterable[str],
    private_prefixes: Iterable[str],
    image_budget_bytes: int,
) -> list[Problem]:
    """Crawl from ``start_paths`` through internal links.

    ``fetch(path)`` returns the status and the HTML, or None for what is not a page (a feed, a file).
    """
    private = tuple(private_prefixes)
    pages: dict[str, Page] = {}
    queue = list(dict.fromkeys(start_paths))
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in pages:
            continue
        status, html = fetch(path)
        page = Page(url=path, status=status, is_html=html is not None)
        pages[path] = page
        if status != 200 or html is None:
            continue
        _PageReader(page).feed(html)
        for href in page.links:
            target = urldefrag(href)[0]
            if target and _is_public(target, private) and "?" not in target and target not in pages:
                queue.append(target)
    problems: list[Problem] = []
    problems += _broken_links(pages, fetch, private)
    crawled = {
        path: page for path, page in pages.items() if page.status == 200 and page.is_html and not page.noindex
    }
    problems += _texts(crawled)
    problems += _images(crawled, fetch, image_budget_bytes)
    problems += _json_ld(crawled)
    listed = sitemap_paths()
    problems += [
        Problem(path, "sitemap", _("Page absente du plan du site (sitemap.xml)."), fix_url_for(path))
        for path in crawled
        if path not in listed
    ]
    return problems


def _broken_links(
    pages: dict[str, Page], fetch: Callable[[str], tuple[int, str | None]], private: tuple[str, ...]
) -> list[Problem]:
    problems = []
    for page in pages.values():
        for href in page.links:
            target = urldefrag(href)[0]
            if not target or not target.startswith("/") or target.startswith("//"):
                continue
            status = pages[target].status if target in pages else fetch(target)[0]
            if status >= 400:
                problems.append(
                    Problem(
                        page.url,
                        "broken_link",
                        _("Lien cassé vers %(target)s (erreur %(status)s).")
                        % {"target": target, "status": status},
                        fix_url_for(page.url),
                    )
                )
    return problems


def _texts(pages: dict[str, Page]) -> list[Problem]:
    problems = []
    by_title: dict[str, list[str]] = defaultdict(list)
    by_description: dict[str, list[str]] = defaultdict(list)
    for page in pages.values():
        title, description = page.title.strip(), page.description
        fix = fix_url_for(page.url)
        if not title:
            problems.append(Problem(page.url, "title", _("Titre vide."), fix))
        else:
            by_title[title].append(page.url)
        if not description:
            problems.append(Problem(page.url, "description", _("Description vide."), fix))
        else:
            by_description[description].append(page.url)
            if len(description) < MIN_DESCRIPTION:
                problems.append(
                    Problem(
                        page.url,
                        "description",
                        _("Description trop courte (%(length)d caractères, %(minimum)d au moins).")
                        % {"length": len(description), "minimum": MIN_DESCRIPTION},
                        fix,
                    )
                )
    for kind, groups, message in (
        ("title", by_title, _("Même titre que %(others)s.")),
        ("description", by_description, _("Même description que %(others)s.")),
    ):
        for urls in groups.values():
            for url in urls if len(urls) > 1 else []:
                others = ", ".join(other for other in urls if other != url)
                problems.append(
                    Problem(url, f"duplicate_{kind}", message % {"others": others}, fix_url_for(url))
                )
    return problems


def _images(
    pages: dict[str, Page], fetch: Callable[[str], tuple[int, str | None]], budget: int
) -> list[Problem]:
    problems = []
    seen_sizes: dict[str, int | None] = {}
    for page in pages.values():
        for src, alt in page.images:
            if alt is None or not alt.strip():
                problems.append(
                    Problem(
                        page.url,
                        "image_alt",
                        _("Image sans texte alternatif : %(src)s.") % {"src": src},
                        fix_url_for(page.url),
                    )
                )
            if src not in seen_sizes:
                seen_sizes[src] = _media_size(src)
            size = seen_sizes[src]
            if size is not None and size > budget:
                problems.append(
                    Problem(
                        page.url,
                        "image_weight",
                        _("Image trop lourde : %(src)s (%(size)d Ko, %(budget)d Ko au plus).")
                        % {"src": src, "size": size // 1024, "budget": budget // 1024},
                        fix_url_for(page.url),
                    )
                )
    return problems


def _media_size(src: str) -> int | None:
    path = urlsplit(src).path
    if not path.startswith(settings.MEDIA_URL):
        return None
    name = path[len(settings.MEDIA_URL) :]
    try:
        return default_storage.size(name)
    except (OSError, NotImplementedError):
        return None


def _json_ld(pages: dict[str, Page]) -> list[Problem]:
    problems = []
    for page in pages.values():
        kind = _page_kind(page.url)
        blocks = [block for block in page.json_ld if isinstance(block, dict)]
        fix = fix_url_for(page.url)
        if None in page.json_ld:
            problems.append(
                Problem(page.url, "json_ld", _("Données structurées illisibles (JSON invalide)."), fix)
            )
        types = {block.get("@type") for block in blocks}
        if kind in {"product", "collection"} and "BreadcrumbList" not in types:
            problems.append(
                Problem(page.url, "json_ld", _("Fil d'Ariane absent des données structurées."), fix)
            )
        if kind == "home" and not {"Organization", "WebSite"} <= types:
            problems.append(
                Problem(page.url, "json_ld", _("Organisation ou site absents des données structurées."), fix)
            )
        if kind == "product":
            groups = [block for block in blocks if block.get("@type") == "ProductGroup"]
            if not groups:
                problems.append(
                    Problem(page.url, "json_ld", _("Produit absent des données structurées."), fix)
                )
            for group in groups:
                problems += _product_group_problems(page.url, group, fix)
    return problems


def _product_group_problems(url: str, group: dict[str, Any], fix: str) -> list[Problem]:
    missing = [name for name in ("name", "image", "brand") if not group.get(name)]
    variants = group.get("hasVariant") or []
    if not variants:
        missing.append("hasVariant")
    for variant in variants:
        offer = variant.get("offers") or {}
        missing += [f"offers.{name}" for name in REQUIRED_OFFER if not offer.get(name)]
        missing += [name for name in ("sku", "image") if not variant.get(name)]
    if not missing:
        return []
    return [
        Problem(
            url,
            "json_ld",
            _("Données produit incomplètes : %(missing)s.") % {"missing": ", ".join(sorted(set(missing)))},
            fix,
        )
    ]


def _page_kind(path: str) -> str:
    try:
        with translation.override(_language_of(path)):
            return resolve(path).url_name or ""
    except Resolver404:
        return ""


def _language_of(path: str) -> str:
    first = path.split("/")[1] if path.count("/") > 1 else ""
    return first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
