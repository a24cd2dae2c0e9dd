"""``current_profile()``: the shop's identity as every app reads it — the saved row, with the
environment variables an operator set explicitly winning over it.

Precedence, field by field: an environment variable set by the operator (``settings.COMPTOIR_FROM_ENV``
names those that were) → the saved ``ShopProfile`` row → the settings' defaults, used only while no row
exists (the embedded demo before its build, tests). A shop started empty has a row whose blanks stay
blank: no demo name, address or sender leaks into it.

The row is read once and kept in the cache until it changes (``profile_changed``, connected to its
saves and deletes in the app's ``ready``), so a page pays one cache read, not one query, per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

from comptoir.core.page_cache import shop_pages_changed

from .models import STRIPE_SECRET_PREFIXES, STRIPE_WEBHOOK_PREFIX, ShopProfile

CACHE_KEY = "comptoir:shop:profile"
_NO_ROW = "none"  # cached when no row exists yet: the cache's own miss is None
SHIPPER_FIELDS = ("company", "line1", "line2", "postcode", "city", "country", "email", "phone")


@dataclass(frozen=True)
class Shipper:
    """Who sends the parcels: the packing slips' return address, the carrier files' sender."""

    company: str
    line1: str
    line2: str
    postcode: str
    city: str
    country: str
    email: str
    phone: str

    def __getitem__(self, name: str) -> str:  # the carrier files read it like the old settings dict
        return str(getattr(self, name))

    def get(self, name: str, default: str = "") -> str:
        return str(getattr(self, name, default))


@dataclass(frozen=True)
class Profile:
    shop_name: str
    tagline: str
    logo_url: str
    favicon_url: str
    from_email: str  # « Name <address> », the sender of every email
    public_url: str  # no trailing slash
    shipper: Shipper
    packaging_grams: int
    publication_director: str
    host_name: str
    host_address: str
    mediator: str
    competent_court: str
    payment_providers: tuple[str, ...]
    bank_transfer_enabled: bool
    stripe_secret_key: str
    stripe_webhook_secret: str
    is_saved: bool  # a row exists (the setup or the demo's build wrote it)

    def link(self, path: str) -> str:
        """An absolute link on the shop's public address (``path`` starts with « / »)."""
        return self.public_url + path


def saved_profile() -> ShopProfile | None:
    """The saved row (cached until it changes), or None before anything wrote it."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        try:
            row = ShopProfile.objects.filter(pk=ShopProfile.SINGLETON_PK).first()
        except DatabaseError:  # no table yet (a command run before `migrate`): the settings speak
            return None
        cache.set(CACHE_KEY, row if row is not None else _NO_ROW, timeout=None)
        return row
    return None if cached == _NO_ROW else cached


def editable_profile() -> ShopProfile:
    """The row the setup edits: the saved one, or a new blank one (not saved by this call)."""
    return saved_profile() or ShopProfile(pk=ShopProfile.SINGLETON_PK)


def profile_changed(sender: Any = None, **kwargs: Any) -> None:
    """Forget the cached row and retire the boutique's cached pages, now and once the write commits."""
    cache.delete(CACHE_KEY)
    shop_pages_changed()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def _from_env(name: str) -> bool:
    return name in settings.COMPTOIR_FROM_ENV


def _pick(env_name: str, setting: Any, row: ShopProfile | None, saved: Any) -> Any:
    """The operator's variable when set, else the row's value when a row exists, else the setting."""
    if _from_env(env_name) or row is None:
        return setting
    return saved


def _from_email(row: ShopProfile | None, shop_name: str) -> str:
    if _from_env("DEFAULT_FROM_EMAIL") or row is None:
        return str(settings.DEFAULT_FROM_EMAIL)
    address = row.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return formataddr((row.sender_name or shop_name, address))


def _payment_providers(row: ShopProfile | None) -> tuple[str, ...]:
    configured = tuple(settings.COMPTOIR_PAYMENT_PROVIDERS)
    if _from_env("COMPTOIR_PAYMENT_PROVIDERS") or row is None:
        return configured
    # The demo provider stays where the settings offer it (the demo only: production refuses it).
    codes = ["demo"] if "demo" in configured else []
    if row.stripe_enabled and row.stripe_secret_key:
        codes.append("stripe")
    if row.bank_transfer_enabled:
        codes.append("bank_transfer")
    return tuple(codes)


def current_profile() -> Profile:
    """The shop's identity as it stands now (see the module's docstring for who wins)."""
    row = saved_profile()
    shop_name = _pick("SHOP_NAME", settings.SHOP_NAME, row, row.brand_name if row else "")
    shipper = Shipper(
        **{
            field: str(
                _pick(
                    f"COMPTOIR_SHIPPER_{field.upper()}",
                    settings.COMPTOIR_SHIPPER.get(field, ""),
                    row,
                    getattr(row, f"shipper_{field}", ""),
                )
            )
            for field in SHIPPER_FIELDS
        }
    )
    public_url = settings.COMPTOIR_PUBLIC_URL
    if row is not None and row.public_url and not _from_env("COMPTOIR_PUBLIC_URL"):
        public_url = row.public_url
    packaging = settings.COMPTOIR_PACKAGING_GRAMS
    if row is not None and row.packaging_grams is not None and not _from_env("COMPTOIR_PACKAGING_GRAMS"):
        packaging = row.packaging_grams
    return Profile(
        shop_name=shop_name,
        tagline=row.tagline if row else "",
        logo_url=row.logo.url if row and row.logo else "",
        favicon_url=row.favicon.url if row and row.favicon else "",
        from_email=_from_email(row, shop_name),
        public_url=public_url.rstrip("/"),
        shipper=shipper,
        packaging_grams=int(packaging),
        publication_director=row.publication_director if row else "",
        host_name=row.host_name if row else "",
        host_address=row.host_address if row else "",
        mediator=row.mediator if row else "",
        competent_court=row.competent_court if row else "",
        payment_providers=_payment_providers(row),
        bank_transfer_enabled=row.bank_transfer_enabled
        if row
        else "bank_transfer" in settings.COMPTOIR_PAYMENT_PROVIDERS,
        stripe_secret_key=_pick(
            "STRIPE_SECRET_KEY", settings.STRIPE_SECRET_KEY, row, row.stripe_secret_key if row else ""
        ),
        stripe_webhook_secret=_pick(
            "STRIPE_WEBHOOK_SECRET",
            settings.STRIPE_WEBHOOK_SECRET,
            row,
            row.stripe_webhook_secret if row else "",
        ),
        is_saved=row is not None,
    )


def masked_secret(secret: str) -> str:
    """What a page may show of a secret: its kind and its last four characters (« sk_live_…1234 »)."""
    if not secret:
        return ""
    prefix = next(
        (known for known in (*STRIPE_SECRET_PREFIXES, STRIPE_WEBHOOK_PREFIX) if secret.startswith(known)), ""
    )
    return f"{prefix}…{secret[-4:]}"
