from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy
from django.views.static import serve

from comptoir.api.main import api
from comptoir.seo.sitemaps import SITEMAPS
from comptoir.storefront import views as storefront_views
from comptoir.storefront import views_payment, views_seo
from comptoir.storefront.page_cache import cached_for_visitors

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Stripe calls this address, whatever the language: not under i18n_patterns.
    path("stripe/webhook/", views_payment.stripe_webhook, name="stripe_webhook"),
    # For crawlers: one address whatever the language (the sitemap lists both languages). Sitemaps are
    # kept as the boutique's pages are, until the catalogue changes: 20,000 addresses take seconds.
    path("robots.txt", views_seo.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        cached_for_visitors(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_visitors(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS, "template_name": "seo/sitemap.xml"},
        name="sitemap_section",
    ),
    path("feeds/google-merchant-<str:language>.xml", views_seo.merchant_feed, name="merchant_feed"),
    # The resellers' JSON API and its OpenAPI description (/api/openapi.json): one address per version,
    # whatever the language (messages follow Accept-Language).
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    # The reseller space: its own prefix (pro/, trade/), before the boutique's catch-all slugs.
    path(pgettext_lazy("url", "pro/"), include("comptoir.reseller_portal.urls")),
    # The founder's cockpit (staff only): its own prefix (atelier/, workshop/).
    path(pgettext_lazy("url", "atelier/"), include("comptoir.backoffice.urls")),
    path("", include("comptoir.storefront.urls")),
    # allauth's sign-in, sign-up, password reset…: its own URL names (account_login…) under /fr/compte/.
    path(pgettext_lazy("url", "compte/"), include("allauth.urls")),
    prefix_default_language=True,
)
if settings.DEBUG or not settings.IS_PRODUCTION:
    # The demo serves uploaded media itself; production puts them behind the proxy or S3.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler404 = storefront_views.page_not_found
handler500 = storefront_views.server_error
