"""The boutique's pages. Each view reads its input, asks one selector and renders."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from comptoir.catalog.models import Product
from comptoir.catalog.selectors import published_collections
from comptoir.content.selectors import page_by_slug
from comptoir.merchandising import selectors
from comptoir.pricing.policy import PricingPolicy, policy_for
from comptoir.reviews.selectors import REVIEW_POLICY_SLUG, product_reviews

from .forms import SORT_CHOICES, filters_from_query
from .navigation import alternate_urls
from .page_cache import cached_for_visitors
from .page_meta import collection_meta, home_meta, product_meta
from .variant_picker import pick_variant

MAX_SEARCH_LENGTH = 100


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _paginate(request: HttpRequest, items, per_page: int) -> Page:
    paginator = Paginator(items, per_page)
    page_number = request.GET.get("page", "1")
    try:
        return paginator.page(page_number)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(_("Cette page n'existe pas.")) from error


def _with_colours(products, policy: PricingPolicy) -> list[Product]:
    """A page of cards: their colours and their sales read once for the whole page."""
    products = list(products)
    policy.prepare(products=products)
    colours = selectors.card_colours(products)
    for product in products:
        product.card_colours = colours.get(product.pk, [])
    return products


@cached_for_visitors
def home(request: HttpRequest) -> HttpResponse:
    policy = policy_for(customer=request.user)
    featured, featured_products, new_arrivals = selectors.home_products(pricing_policy=policy)
    policy.prepare(products=[*featured_products, *new_arrivals])  # both rows of cards at once
    featured_products = _with_colours(featured_products, policy)
    cover = next((p.ordered_images[0] for p in featured_products if p.ordered_images), None)  # type: ignore[attr-defined]
    return render(
        request,
        "storefront/home.html",
        {
            "featured_collection": featured,
            "featured_products": featured_products,
            "new_arrivals": _with_colours(new_arrivals, policy),
            "alternates": alternate_urls(request),
            "page_meta": home_meta(request, image=cover),
        },
    )


# The same address answers a whole page or an htmx fragment: caches must keep them apart.
@cached_for_visitors
@vary_on_headers("HX-Request", "HX-Target")
def collection_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    collection = selectors.collection_by_slug(slug=slug)
    if collection is None:
        moved_to = selectors.where_a_lost_collection_went(slug=slug)
        if moved_to is None:
            raise Http404(_("Cette collection n'existe pas."))
        return HttpResponsePermanentRedirect(_keep_query(request, moved_to))
    if slug != collection.slug:
        return HttpResponsePermanentRedirect(_keep_query(request, collection.get_absolute_url()))
    policy = policy_for(customer=request.user)
    facets = selectors.listing_facets(collection=collection)
    filters = filters_from_query(request.GET, facets=facets)
    products = selectors.product_listing(pricing_policy=policy, collection=collection, filters=filters)
    page = _paginate(request, products, settings.CATALOG_PAGE_SIZE)
    context = {
        "collection": collection,
        "page": page,
        "products": _with_colours(page.object_list, policy),
        "facets": facets,
        "filters": filters,
        "sort_choices": SORT_CHOICES,
        "alternates": alternate_urls(request, collection),
    }
    listed = context["products"]
    cover = next((p.ordered_images[0] for p in listed if p.ordered_images), None)  # type: ignore[attr-defined]
    context["page_meta"] = collection_meta(
        request, collection=collection, page_number=page.number, image=cover
    )
    if request.htmx and request.htmx.target == "product-results":
        return render(request, "storefront/partials/product_results.html", context)
    return render(request, "storefront/collection.html", context)


@cached_for_visitors
@vary_on_headers("HX-Request", "HX-Target")
def product_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    product = selectors.product_by_slug(slug=slug)
    if product is None:
        moved_to = selectors.where_a_lost_product_went(slug=slug)
        if moved_to is None:
            raise Http404(_("Ce produit n'existe pas."))
        return HttpResponsePermanentRedirect(moved_to)
    if slug != product.slug:
        return HttpResponsePermanentRedirect(_keep_query(request, product.get_absolute_url()))
    policy = policy_for(customer=request.user)
    is_partial = bool(request.htmx and request.htmx.target == "purchase")
    related = [] if is_partial else selectors.related_products(product=product, pricing_policy=policy)
    policy.prepare(products=[product, *related])  # the page's sales, read once
    picker = pick_variant(
        product=product,
        variants=product.active_variants,  # type: ignore[attr-defined]
        colour_slug=request.GET.get("colour", ""),
        size_slug=request.GET.get("size", ""),
        pricing_policy=policy,
    )
    context = {
        "product": product,
        "picker": picker,
        "images": picker.images(product.ordered_images),  # type: ignore[attr-defined]
        "alternates": alternate_urls(request, product),
    }
    if is_partial:
        return render(request, "storefront/partials/purchase.html", context)
    related = _with_colours(related, policy)
    reviews = product_reviews(product=product)
    page_meta = product_meta(
        request,
        product=product,
        images=product.ordered_images,  # type: ignore[attr-defined]
        rating=(reviews.average, reviews.count),
    )
    return render(
        request,
        "storefront/product.html",
        {
            **context,
            "related_products": related,
            "page_meta": page_meta,
            "reviews": reviews,
            "review_policy": page_by_slug(slug=REVIEW_POLICY_SLUG),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_SEARCH_LENGTH]
    policy = policy_for(customer=request.user)
    products = selectors.search_products(query=query, pricing_policy=policy)
    page = _paginate(request, products, settings.CATALOG_PAGE_SIZE)
    return render(
        request,
        "storefront/search.html",
        {
            "query": query,
            "page": page,
            "products": _with_colours(page.object_list, policy),
            "suggested_collections": published_collections() if not page.object_list else [],
            "alternates": alternate_urls(request),
        },
    )


def _keep_query(request: HttpRequest, url: str) -> str:
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    collections = published_collections()
    return render(request, "404.html", {"suggested_collections": collections}, status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # No database and no context processors here: the error may be the database itself.
    return HttpResponse(loader.get_template("500.html").render({"shop_name": settings.SHOP_NAME}), status=500)
