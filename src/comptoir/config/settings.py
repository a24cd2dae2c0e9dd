"""Comptoir's settings: one module, read from environment variables.

Defaults run the embedded demo shop (SQLite, local memory cache, console email).
Production (``COMPTOIR_ENV=production``) refuses the demo secret key and DEBUG.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from email.utils import formataddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/comptoir
PROJECT_DIR = BASE_DIR.parent.parent  # repository root
VAR_DIR = Path(os.environ.get("COMPTOIR_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("COMPTOIR_ENV", "demo")  # demo | production
IS_PRODUCTION = ENVIRONMENT == "production"
# The brand's name: page titles, emails' sender, documents.
SHOP_NAME = os.environ.get("SHOP_NAME", "Maison Lavande")

DEMO_SECRET_KEY = "comptoir-demo-secret-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEMO_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost,testserver")


def secret_key_bits(key: str) -> float:
    """The key's length times the Shannon entropy of its characters: 40 identical letters are 0 bits,
    50 random characters from Django's alphabet about 270."""
    counts = Counter(key)
    return -sum(count * math.log2(count / len(key)) for count in counts.values())


def weak_secret_key(key: str) -> bool:
    return (
        key == DEMO_SECRET_KEY
        or key.startswith("django-insecure-")  # django-admin startproject's, meant for development
        or len(key) < 40
        or len(set(key)) < 10
        or secret_key_bits(key) < 128
    )


if IS_PRODUCTION:
    if weak_secret_key(SECRET_KEY):
        raise ImproperlyConfigured(
            "Production needs its own SECRET_KEY: 40+ random characters (python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'), not the demo one nor a django-insecure- one."
        )
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to start with DEBUG on.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Production needs ALLOWED_HOSTS.")

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "comptoir.config.admin_site.ComptoirAdminConfig",  # django.contrib.admin, the owner's only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_htmx",
    "imagekit",
    "django_countries",
    "csp",
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes, for a lost phone
    "comptoir.core",
    "comptoir.shop",
    "comptoir.accounts",
    "comptoir.resellers",
    "comptoir.catalog",
    "comptoir.inventory",
    "comptoir.pricing",
    "comptoir.merchandising",
    "comptoir.shipping",
    "comptoir.cart",
    "comptoir.orders",
    "comptoir.payments",
    "comptoir.invoicing",
    "comptoir.accounting",
    "comptoir.fulfillment",
    "comptoir.workflow",
    "comptoir.promotions",
    "comptoir.marketing",
    "comptoir.reviews",
    "comptoir.checkout",
    "comptoir.notifications",
    "comptoir.chores",
    "comptoir.golive",
    "comptoir.content",
    "comptoir.community",
    "comptoir.seo",
    "comptoir.analytics",
    "comptoir.storefront",
    "comptoir.backoffice",
    "comptoir.reseller_portal",
    "ninja",  # the API's Swagger UI from our own static files (no CDN), under the strict CSP
    # After the storefront, whose templates/allauth/ and templates/account/ override allauth's own.
    "allauth",
    "allauth.account",
]
# The demo shop (``manage.py demo_shop``, ``make run``): an app of its own, which no other app imports.
# In by default, out in production; a production-shaped machine that wants the demo's data (``make
# run-scaled``) sets COMPTOIR_DEMO_APP=1.
COMPTOIR_DEMO_APP = env_bool("COMPTOIR_DEMO_APP", default=not IS_PRODUCTION)
if COMPTOIR_DEMO_APP:
    INSTALLED_APPS.append("comptoir.demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: Permissions-Policy on every page; private, no-store for signed-in people.
    "comptoir.core.privacy_headers.PrivacyHeadersMiddleware",
    # Pages compressed for browsers that ask (static files come precompressed from whitenoise); Django's
    # gzip pads each response with random bytes against BREACH, so pages holding a CSRF token are safe.
    "django.middleware.gzip.GZipMiddleware",
    # Outermost after static files: it sees every page answered, cached or not (cookieless counts).
    "comptoir.analytics.middleware.PageViewMiddleware",
    # Before the session: an anonymous page from the cache needs none of the middlewares below.
    "comptoir.storefront.page_cache.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session has passed a two-factor token (user.is_verified()); the cockpit and the
    # admin then ask staff for one when it is required or enrolled (backoffice/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "comptoir.backoffice.two_factor.StaffTwoFactorMiddleware",
    # Who changed what: staff requests record their changes with their name, others record none.
    "comptoir.core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Until the founder opens the shop, visitors get the « bientôt » page (storefront/coming_soon.py).
    "comptoir.storefront.coming_soon.ComingSoonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its "too many attempts" answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "comptoir.config.urls"
WSGI_APPLICATION = "comptoir.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "comptoir.storefront.context_processors.shop",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'comptoir.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at BEGIN so two
    # writers queue instead of failing with "database is locked" halfway through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A fresh clone has no var/ yet: SQLite creates the file, not its folder.
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Flash messages live in the session, not in a cookie of their own: the shop sets no cookie but the
# session's and the CSRF token's (and a consent choice, only once made: storefront/consent.py).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Anonymous boutique pages are served from the cache (storefront/page_cache.py) for at most this long;
# any change they show retires them at once, and so does the start or end of a sale or a scheduled
# post's appearance; the lifetime bounds anything else time alone changes. 0 turns the page cache off.
COMPTOIR_PAGE_CACHE_SECONDS = int(os.environ.get("COMPTOIR_PAGE_CACHE_SECONDS", "300"))
# How many reverse proxies of yours stand in front of gunicorn (a PaaS router: 1; a CDN then a load
# balancer: 2). 0, the default, reads no X-Forwarded-For: a client writes what it likes there, and
# the sign-in lockouts and every rate limit key on the client's address (core/rate_limit.client_ip).
COMPTOIR_TRUSTED_PROXIES = int(os.environ.get("COMPTOIR_TRUSTED_PROXIES", "0"))
# A draft post's private preview link (« lien privé d'aperçu ») opens for this many days after it was made.
COMPTOIR_PREVIEW_LINK_DAYS = int(os.environ.get("COMPTOIR_PREVIEW_LINK_DAYS", "30"))
# The resellers' JSON API (api/): requests per minute and per key before a 429 (core.rate_limit).
COMPTOIR_API_REQUESTS_PER_MINUTE = int(os.environ.get("COMPTOIR_API_REQUESTS_PER_MINUTE", "120"))

# --- Accounts --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-allauth: sign in with an email address and a password; verification mails, password reset.
AUTHENTICATION_BACKENDS = [
    "comptoir.accounts.lockout.LockoutBackend",  # first: refuses a locked-out address (django-axes)
    "django.contrib.auth.backends.ModelBackend",  # the admin
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# "optional": a verification mail is sent, but an unverified customer may still sign in and buy.
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_ADAPTER = "comptoir.accounts.adapter.AccountAdapter"
ACCOUNT_SESSION_REMEMBER = None  # a "remember me" box on the login form
ACCOUNT_LOGOUT_REDIRECT_URL = "storefront:home"
LOGIN_URL = "account_login"
# django-axes: five wrong passwords for one account, from anywhere, lock that account's sign-in for
# 15 minutes; five wrong passwords from one address, for any accounts, lock that address (the shop's
# sign-in and the admin's). A script rotating addresses or accounts meets one of the two.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "comptoir.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "comptoir.core.rate_limit.client_ip"
AXES_LOCKOUT_TEMPLATE = "storefront/too_many_attempts.html"
# allauth's own limits stay on (password reset: 5 a minute per address, 20 per IP; failed sign-ins).

# --- Staff two-factor (django-otp, TOTP) -----------------------------------------------------------
# On: every staff member must enrol an authenticator app and give a code once per session before the
# cockpit or the admin opens. Off: only those who enrolled are asked. Customers are never asked.
COMPTOIR_STAFF_TWO_FACTOR = env_bool("COMPTOIR_STAFF_TWO_FACTOR", default=False)
OTP_TOTP_ISSUER = SHOP_NAME  # the name her authenticator app shows
# Ten wrong codes from one session's account lock the code step for 15 minutes (core/rate_limit.py).
COMPTOIR_TWO_FACTOR_FAILURE_LIMIT = 10
COMPTOIR_TWO_FACTOR_LOCK_SECONDS = 15 * 60
# The owner reads no staff member's TOTP secret in the admin (its key and QR code pages answer 403).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Audit trail (django-auditlog) -----------------------------------------------------------------
# Changes made by staff in the cockpit or the admin are recorded (who, when, each field before and
# after) and shown on the cockpit's « Journal des modifications ». Customers' own requests record
# nothing (core/audit.py): the boutique and the checkout pay no query for it.
_STAMPS = ["created_at", "updated_at"]
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "orders.Order", "exclude_fields": _STAMPS},
    {"model": "orders.OrderLine"},
    # The search documents are the database's own copy of the texts (catalog migration 0006).
    {"model": "catalog.Product", "exclude_fields": [*_STAMPS, "search_document_fr", "search_document_en"]},
    {"model": "catalog.Variant", "exclude_fields": _STAMPS},
    {"model": "catalog.ProductImage"},
    {"model": "catalog.Collection", "exclude_fields": _STAMPS},
    {"model": "inventory.StockRecord"},
    {"model": "pricing.PriceGroup"},
    {"model": "pricing.PriceList", "exclude_fields": _STAMPS},
    {"model": "pricing.PriceListItem"},
    {"model": "pricing.VolumeTier"},
    {"model": "pricing.Sale", "exclude_fields": _STAMPS, "m2m_fields": {"products", "collections"}},
    {
        "model": "promotions.DiscountCode",
        "exclude_fields": [*_STAMPS, "uses_count"],
        "m2m_fields": {"products", "collections"},
    },
    {"model": "resellers.Company", "exclude_fields": _STAMPS},
    {"model": "resellers.Buyer", "exclude_fields": _STAMPS},
    {"model": "invoicing.Invoice"},
    {"model": "invoicing.CreditNote"},
    {"model": "invoicing.SellerSettings"},
    # The Stripe secrets never enter the journal: only that the row changed.
    {
        "model": "shop.ShopProfile",
        "exclude_fields": ["updated_at", "stripe_secret_key", "stripe_webhook_secret"],
    },
    {
        "model": "accounts.User",
        "include_fields": ["email", "is_active", "is_staff", "is_superuser"],
        "m2m_fields": {"groups", "user_permissions"},
    },
    {"model": "auth.Group", "m2m_fields": {"permissions"}},
)
AUDITLOG_USE_FK_STRING_REPRESENTATION = True  # « Tarif Boutiques » in the journal, not « 3 »
AUDITLOG_DISABLE_REMOTE_ADDR = True  # our middleware passes the proxy-checked address itself
LOGIN_REDIRECT_URL = "storefront:account_orders"

# --- Languages: French first -----------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Media on S3-compatible storage when a bucket is named (several web machines: docs/deploy.md). Needs
# `pip install '.[s3]'` (django-storages with boto3); credentials as boto3 reads them, or these variables.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False  # product photos are public: plain, cacheable addresses
    AWS_S3_FILE_OVERWRITE = False
# Renditions are made when an image is saved and then assumed to exist: pages never touch the disk.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_SPEC_CACHEFILE_NAMER = "comptoir.core.renditions.source_name_as_path"  # the same names, remembered
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploads (core/uploads.py): the largest image and spreadsheet accepted, and the most pixels an image
# may declare (a tiny file claiming 30,000 x 30,000 pixels would take gigabytes to decode).
COMPTOIR_MAX_IMAGE_BYTES = int(os.environ.get("COMPTOIR_MAX_IMAGE_BYTES", 10 * 1024 * 1024))
COMPTOIR_MAX_SHEET_BYTES = int(os.environ.get("COMPTOIR_MAX_SHEET_BYTES", 5 * 1024 * 1024))
COMPTOIR_MAX_IMAGE_PIXELS = int(os.environ.get("COMPTOIR_MAX_IMAGE_PIXELS", 40_000_000))
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email -----------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, each email is written in this
# folder (`make run-scaled SCALED_SMOKE=1` reads the confirmations there: scripts/checkout_race.py).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
# The shop's own name signs its emails; set the address the shop really sends from.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or formataddr(
    (SHOP_NAME, "boutique@comptoir.example")
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ----------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A third-party tracker's script (https://…/script.js), empty by default: when set, its tag is written
# only after the visitor's consent on the consent bar (storefront/consent.py); the policy below lets
# its origin run and report, which by itself loads nothing.
COMPTOIR_THIRD_PARTY_TRACKER_URL = os.environ.get("COMPTOIR_THIRD_PARTY_TRACKER_URL", "")
_tracker = urlsplit(COMPTOIR_THIRD_PARTY_TRACKER_URL)
TRACKER_ORIGINS = (
    [f"{_tracker.scheme}://{_tracker.netloc}"] if _tracker.scheme == "https" and _tracker.netloc else []
)
# The browser runs only the shop's own scripts: no inline script, no other origin, no framing
# (django-csp). Stripe's hosted checkout is reached by a redirect after a form post.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *TRACKER_ORIGINS],
        # Inline styles stay allowed: the cockpit's server-drawn SVG charts (pygal) carry their own
        # <style>, and printed sheets use style attributes. A style cannot run code; scripts stay strict.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *env_list("CSP_IMG_SRC", ""), *TRACKER_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *TRACKER_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", "https://checkout.stripe.com"],
        "frame-ancestors": ["'none'"],
    }
}
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- The shop ------------------------------------------------------------------------------------------
SHOP_CURRENCY = "EUR"
CATALOG_PAGE_SIZE = 12

# --- Background jobs (notifications.jobs.enqueue) -------------------------------------------------------
# With REDIS_URL, jobs go to Celery workers through Redis; without it they run in-process after commit.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TIMEZONE = TIME_ZONE

# `manage.py backup` (a nightly chore) keeps this many archives in var/backups; older ones are deleted.
COMPTOIR_BACKUPS_KEPT = int(os.environ.get("COMPTOIR_BACKUPS_KEPT", "14"))

# --- Links in emails, payments ----------------------------------------------------------------------------
# Where the shop is reached from outside: emails and payment providers' return URLs are built on it.
# Unset: the first of ALLOWED_HOSTS over HTTPS in production, else this machine on the served PORT.
COMPTOIR_PUBLIC_URL = os.environ.get("COMPTOIR_PUBLIC_URL") or (
    f"https://{ALLOWED_HOSTS[0]}"
    if IS_PRODUCTION and ALLOWED_HOSTS and ALLOWED_HOSTS[0] != "*"
    else f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
)
# Who reads new reseller applications (empty: the first superuser's address, else DEFAULT_FROM_EMAIL).
COMPTOIR_FOUNDER_EMAIL = os.environ.get("COMPTOIR_FOUNDER_EMAIL", "")
# Ask the EU's VIES service whether a reseller's VAT number is registered (a network call: off by default).
COMPTOIR_VIES_CHECK = env_bool("COMPTOIR_VIES_CHECK", default=False)
# The shop's own cookieless audience measurement (analytics/models.py); off with COMPTOIR_ANALYTICS=0.
COMPTOIR_ANALYTICS = env_bool("COMPTOIR_ANALYTICS", default=True)
# Page views wait in the cache and are written in one INSERT per this many, or once the oldest is this old.
COMPTOIR_ANALYTICS_FLUSH_AT = int(os.environ.get("COMPTOIR_ANALYTICS_FLUSH_AT", "200"))
COMPTOIR_ANALYTICS_FLUSH_SECONDS = int(os.environ.get("COMPTOIR_ANALYTICS_FLUSH_SECONDS", "60"))
# Payment providers offered at checkout, in this order (payments/providers/registry.py).
COMPTOIR_PAYMENT_PROVIDERS = env_list(
    "COMPTOIR_PAYMENT_PROVIDERS", "bank_transfer" if IS_PRODUCTION else "demo,bank_transfer"
)
# The demo provider pays without money: it exists only in the demo, never in production.
COMPTOIR_DEMO_PAYMENTS = env_bool("COMPTOIR_DEMO_PAYMENTS", default=not IS_PRODUCTION)
if IS_PRODUCTION and (COMPTOIR_DEMO_PAYMENTS or "demo" in COMPTOIR_PAYMENT_PROVIDERS):
    raise ImproperlyConfigured("Production refuses the demo payment provider (COMPTOIR_DEMO_PAYMENTS).")
# Bank transfer instructions printed in the confirmation email (demo values: a sample IBAN).
COMPTOIR_BANK_HOLDER = os.environ.get("COMPTOIR_BANK_HOLDER", SHOP_NAME)
COMPTOIR_BANK_IBAN = os.environ.get("COMPTOIR_BANK_IBAN", "FR76 3000 6000 0112 3456 7890 189")
COMPTOIR_BANK_BIC = os.environ.get("COMPTOIR_BANK_BIC", "AGRIFRPP882")
# Whether the operator set the bank account and the seller's identity here (the checklist then takes
# them as hers; otherwise the values above and below are the demo's until she saves her own).
COMPTOIR_BANK_FROM_ENVIRONMENT = "COMPTOIR_BANK_IBAN" in os.environ
COMPTOIR_SELLER_FROM_ENVIRONMENT = (
    "COMPTOIR_SELLER_SIRET" in os.environ or "COMPTOIR_SELLER_SIREN" in os.environ
)
# Stripe Checkout: keys from the Stripe dashboard; the webhook secret signs /stripe/webhook/ calls.
# The seller's legal identity printed on every invoice (Code de commerce, art. R123-237).
COMPTOIR_SELLER = {
    "name": os.environ.get("COMPTOIR_SELLER_NAME", "Maison Lavande SAS"),
    "legal_form": os.environ.get("COMPTOIR_SELLER_LEGAL_FORM", "SAS"),
    "share_capital": os.environ.get("COMPTOIR_SELLER_SHARE_CAPITAL", "10 000 €"),
    "address": os.environ.get("COMPTOIR_SELLER_ADDRESS", "12 rue Oberkampf\n75011 Paris\nFrance"),
    "siren": os.environ.get("COMPTOIR_SELLER_SIREN", "732829320"),
    "rcs": os.environ.get("COMPTOIR_SELLER_RCS", "RCS Paris 732 829 320"),
    "vat_number": os.environ.get("COMPTOIR_SELLER_VAT_NUMBER", "FR44732829320"),
    "siret": os.environ.get("COMPTOIR_SELLER_SIRET", "73282932000017"),
    "invoice_footer": os.environ.get("COMPTOIR_SELLER_INVOICE_FOOTER", ""),
    # Late-payment penalties, % a year: the ECB rate + 10 points is customary (Code de commerce L441-10).
    "late_payment_rate": os.environ.get("COMPTOIR_SELLER_LATE_PAYMENT_RATE", "12.15"),
    "default_payment_terms": os.environ.get("COMPTOIR_SELLER_PAYMENT_TERMS", "net_30"),
}
# The legal interest rate (taux de l'intérêt légal, « autres cas »), % a year, published each semester:
# a late-payment rate below three times this one is refused (Code de commerce L441-10).
COMPTOIR_LEGAL_INTEREST_RATE = os.environ.get("COMPTOIR_LEGAL_INTEREST_RATE", "3.16")

# Parcels: the sender on carrier files, the box's weight, the ColiShip file's encoding, customs data.
COMPTOIR_SHIPPER = {
    "company": os.environ.get("COMPTOIR_SHIPPER_COMPANY", SHOP_NAME),
    "line1": os.environ.get("COMPTOIR_SHIPPER_LINE1", "12 rue Oberkampf"),
    "line2": os.environ.get("COMPTOIR_SHIPPER_LINE2", ""),
    "postcode": os.environ.get("COMPTOIR_SHIPPER_POSTCODE", "75011"),
    "city": os.environ.get("COMPTOIR_SHIPPER_CITY", "Paris"),
    "country": os.environ.get("COMPTOIR_SHIPPER_COUNTRY", "FR"),
    "email": os.environ.get("COMPTOIR_SHIPPER_EMAIL", "atelier@maison-lavande.example"),
    "phone": os.environ.get("COMPTOIR_SHIPPER_PHONE", "0102030405"),
}
COMPTOIR_PACKAGING_GRAMS = int(os.environ.get("COMPTOIR_PACKAGING_GRAMS", "150"))
COMPTOIR_COLISHIP_ENCODING = os.environ.get("COMPTOIR_COLISHIP_ENCODING", "utf-8-sig")  # or "latin-1"
COMPTOIR_ORIGIN_COUNTRY = os.environ.get("COMPTOIR_ORIGIN_COUNTRY", "PT")  # sewn in Portugal
COMPTOIR_HS_CODE = os.environ.get("COMPTOIR_HS_CODE", "620520")  # men's cotton shirts

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")

# The shop's identity lives in the database (comptoir.shop, edited in the cockpit's setup); the
# variables below that an operator sets explicitly win over it. Their defaults above serve only
# while no identity row exists (the demo before its build). docs/deploy.md lists them.
COMPTOIR_FROM_ENV = frozenset(
    name
    for name in (
        "SHOP_NAME",
        "DEFAULT_FROM_EMAIL",
        "COMPTOIR_PUBLIC_URL",
        *(f"COMPTOIR_SHIPPER_{field}" for field in ("COMPANY", "LINE1", "LINE2", "POSTCODE", "CITY")),
        *(f"COMPTOIR_SHIPPER_{field}" for field in ("COUNTRY", "EMAIL", "PHONE")),
        "COMPTOIR_PACKAGING_GRAMS",
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
        "COMPTOIR_PAYMENT_PROVIDERS",
    )
    if os.environ.get(name)
)

# --- Orders ---------------------------------------------------------------------------------------------
# Order numbers read "<prefix>-<two-digit year>-<six random digits>" (orders/numbers.py).
# « ML » is the demo's Maison Lavande: a shop without the demo app numbers its orders « CMD-26-… ».
COMPTOIR_ORDER_NUMBER_PREFIX = os.environ.get(
    "COMPTOIR_ORDER_NUMBER_PREFIX", "ML" if COMPTOIR_DEMO_APP else "CMD"
)
# Bank-transfer orders still unpaid after this many days are cancelled (`manage.py cancel_unpaid_orders`,
# run daily by cron) and their reserved stock goes back on sale.
COMPTOIR_UNPAID_ORDER_DAYS = int(os.environ.get("COMPTOIR_UNPAID_ORDER_DAYS", "7"))
# A card payment refused, failed or abandoned may be tried again (« Payer à nouveau ») for this many
# minutes after the order or its last attempt; then the same chore cancels the order and frees its stock.
COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES = int(os.environ.get("COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES", "60"))
# A customer may cancel her order from its page for this many hours after placing it, while it is not
# packed (0: never; the founder always may, from the admin).
COMPTOIR_CUSTOMER_CANCEL_HOURS = int(os.environ.get("COMPTOIR_CUSTOMER_CANCEL_HOURS", "24"))
# Days after delivery a consumer may withdraw (Code de la consommation L221-18): 14 at least.
COMPTOIR_WITHDRAWAL_DAYS = int(os.environ.get("COMPTOIR_WITHDRAWAL_DAYS", "14"))
# A signed-in customer's forgotten cart gets its one reminder after this many hours.
COMPTOIR_CART_REMINDER_HOURS = int(os.environ.get("COMPTOIR_CART_REMINDER_HOURS", "24"))
