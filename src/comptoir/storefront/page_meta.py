"""The search-engine side of each boutique page: title, description, canonical address, image, JSON-LD.

Built from the page's own objects by the seo domain; these functions only know the boutique's URLs.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from comptoir.catalog.models import Collection, Product, ProductImage
from comptoir.content.markdown import plain_text
from comptoir.content.models import Category, Page, Post, Tag
from comptoir.seo.page_meta import PageMeta, describe, page_title
from comptoir.seo.structured_data import (
    blog_posting,
    breadcrumb_list,
    organization_and_website,
    product_group,
)
from comptoir.shop.profile import current_profile

SHOP_DESCRIPTION = "Chemises coupées à Paris, cousues au Portugal, faites pour durer."


def base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def home_meta(request: HttpRequest, *, image: ProductImage | None) -> PageMeta:
    base = base_url(request)
    home = reverse("storefront:home")
    return PageMeta(
        title=_("%(shop)s — chemises coupées à Paris") % {"shop": current_profile().shop_name},
        description=_(SHOP_DESCRIPTION),
        canonical_url=base + home,
        image_url=base + image.fallback_url if image else "",
        image_alt=image.alt_text if image else "",
        json_ld=organization_and_website(
            base_url=base,
            shop_name=current_profile().shop_name,
            home_url=home,
            search_url=reverse("storefront:search"),
        ),
    )


def collection_meta(
    request: HttpRequest, *, collection: Collection, page_number: int, image: ProductImage | None
) -> PageMeta:
    base = base_url(request)
    path = collection.get_absolute_url()
    canonical = base + path + (f"?page={page_number}" if page_number > 1 else "")
    return PageMeta(
        title=page_title(
            name=str(collection.name),
            shop_name=current_profile().shop_name,
            written=collection.meta_title,
            page_number=page_number,
        ),
        description=collection.meta_description.strip()
        or describe(
            collection.description,
            _("%(collection)s : %(story)s") % {"collection": collection.name, "story": _(SHOP_DESCRIPTION)},
        ),
        canonical_url=canonical,
        image_url=base + image.fallback_url if image else "",
        image_alt=image.alt_text if image else "",
        json_ld=[
            breadcrumb_list(
                base_url=base,
                trail=[(_("Accueil"), reverse("storefront:home")), (str(collection.name), path)],
            )
        ],
    )


def product_meta(
    request: HttpRequest,
    *,
    product: Product,
    images: Sequence[ProductImage],
    rating: tuple[object, int] | None = None,
) -> PageMeta:
    base = base_url(request)
    trail = [(_("Accueil"), reverse("storefront:home"))]
    collections = getattr(product, "published_collections", [])
    if collections:
        trail.append((str(collections[0].name), collections[0].get_absolute_url()))
    trail.append((str(product.name), product.get_absolute_url()))
    cover = images[0] if images else None
    return PageMeta(
        title=page_title(
            name=str(product.name), shop_name=current_profile().shop_name, written=product.meta_title
        ),
        description=product.meta_description.strip()
        or describe(product.summary, product.description, str(product.name), _(SHOP_DESCRIPTION)),
        canonical_url=base + product.get_absolute_url(),
        image_url=base + cover.fallback_url if cover else "",
        image_alt=cover.alt_text if cover else "",
        og_type="product",
        json_ld=[
            product_group(
                product=product,
                variants=product.active_variants,  # type: ignore[attr-defined]
                images=images,
                base_url=base,
                brand=current_profile().shop_name,
                rating=rating,
            ),
            breadcrumb_list(base_url=base, trail=trail),
        ],
    )


def journal_meta(
    request: HttpRequest, *, heading: str, current: Category | Tag | None, page_number: int
) -> PageMeta:
    base = base_url(request)
    path = current.get_absolute_url() if current is not None else reverse("storefront:journal")
    trail = [(_("Accueil"), reverse("storefront:home")), (_("Le journal"), reverse("storefront:journal"))]
    if current is not None:
        trail.append((str(current.name), path))
    return PageMeta(
        title=page_title(name=heading, shop_name=current_profile().shop_name, page_number=page_number),
        description=describe(
            _("%(heading)s : les nouvelles de l'atelier, les pièces, les rencontres de %(shop)s.")
            % {"heading": heading, "shop": current_profile().shop_name}
        ),
        canonical_url=base + path + (f"?page={page_number}" if page_number > 1 else ""),
        json_ld=[breadcrumb_list(base_url=base, trail=trail)],
    )


def post_meta(request: HttpRequest, *, post: Post, is_preview: bool) -> PageMeta:
    base = base_url(request)
    url = base + post.get_absolute_url()
    description = post.meta_description.strip() or describe(post.excerpt, plain_text(post.body))
    image_url = base + post.fallback_url if post.cover else ""  # a rendition of known size, as for products
    trail = [(_("Accueil"), reverse("storefront:home")), (_("Le journal"), reverse("storefront:journal"))]
    if post.category is not None:
        trail.append((str(post.category.name), post.category.get_absolute_url()))
    trail.append((post.title, post.get_absolute_url()))
    return PageMeta(
        title=page_title(name=post.title, shop_name=current_profile().shop_name),
        description=description,
        canonical_url=url,
        image_url=image_url,
        image_alt=post.cover_alt,
        og_type="article",
        json_ld=[]
        if is_preview
        else [
            blog_posting(
                headline=post.title,
                url=url,
                description=description,
                published=post.publish_at,
                modified=post.updated_at,
                author=post.author.get_full_name() or current_profile().shop_name,
                publisher=current_profile().shop_name,
                image_url=image_url,
            ),
            breadcrumb_list(base_url=base, trail=trail),
        ],
    )


def page_meta_for(request: HttpRequest, *, page: Page) -> PageMeta:
    base = base_url(request)
    return PageMeta(
        title=page_title(name=page.title, shop_name=current_profile().shop_name),
        description=page.meta_description.strip() or describe(plain_text(page.body), page.title),
        canonical_url=base + page.get_absolute_url(),
        json_ld=[
            breadcrumb_list(
                base_url=base,
                trail=[(_("Accueil"), reverse("storefront:home")), (page.title, page.get_absolute_url())],
            )
        ],
    )
