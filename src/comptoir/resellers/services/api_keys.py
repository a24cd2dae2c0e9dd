"""A company's buyers create and revoke the keys their systems send to the JSON API; the API checks them.

A key reads ``cpt_<prefix>_<secret>``: the prefix (public, shown in the list) finds the row, and the
SHA-256 of the whole key, compared in constant time, proves it. The clear key exists only in the
answer to its creation. A key acts as the buyer who created it, and stops working when that person no
longer buys for an active company, or when any buyer of the company revokes it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import ResellerError
from ..models import ApiKey, Buyer
from ..selectors import active_buyer_for

KEY_SCHEME = "cpt"
NAME_MAX_LENGTH = 80
# A shop has a till, a website, an ERP: a few keys. A script creating thousands is refused.
MAX_ACTIVE_KEYS_PER_COMPANY = 20
# ``last_used_at`` is written at most once a minute per key, not on every call.
LAST_USED_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class CreatedApiKey:
    api_key: ApiKey
    clear_key: str  # shown once to the buyer; never stored


@dataclass(frozen=True, slots=True)
class ApiCaller:
    """Who an API request acts for: the key, and the buyer (and company) it acts as."""

    api_key: ApiKey
    buyer: Buyer


def hash_key(clear_key: str) -> str:
    return hashlib.sha256(clear_key.encode()).hexdigest()


def create_api_key(*, buyer: Buyer, name: str) -> CreatedApiKey:
    """A new key for the buyer's company; ``clear_key`` is the only copy of the secret."""
    name = " ".join((name or "").split())
    if not name:
        raise ResellerError(_("Donnez un nom à la clé (par exemple « Site web » ou « Caisse »)."))
    if len(name) > NAME_MAX_LENGTH:
        raise ResellerError(_("Le nom de la clé tient en 80 caractères au plus."))
    with transaction.atomic():
        active = ApiKey.objects.filter(company_id=buyer.company_id, revoked_at__isnull=True).count()
        if active >= MAX_ACTIVE_KEYS_PER_COMPANY:
            raise ResellerError(
                _("%(maximum)d clés actives au plus : révoquez celles qui ne servent plus.")
                % {"maximum": MAX_ACTIVE_KEYS_PER_COMPANY}
            )
        for _attempt in range(5):  # a prefix is 8 random hex digits: a clash is rare, and retried
            prefix = secrets.token_hex(4)
            clear_key = f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
            try:
                with transaction.atomic():
                    api_key = ApiKey.objects.create(
                        company_id=buyer.company_id,
                        name=name,
                        prefix=prefix,
                        key_hash=hash_key(clear_key),
                        created_by=buyer.user,
                    )
            except IntegrityError:
                continue
            return CreatedApiKey(api_key=api_key, clear_key=clear_key)
    raise ResellerError(_("La clé n'a pas pu être créée : réessayez."))


def revoke_api_key(*, buyer: Buyer, key_id: int) -> ApiKey:
    """Revoke one of the company's keys; another company's key does not exist here (``DoesNotExist``)."""
    with transaction.atomic():
        api_key = ApiKey.objects.select_for_update().get(pk=key_id, company_id=buyer.company_id)
        if api_key.revoked_at is None:
            api_key.revoked_at = timezone.now()
            api_key.save(update_fields=["revoked_at"])
    return api_key


def authenticate_api_key(*, clear_key: str) -> ApiCaller | None:
    """The caller a key stands for, or None: unknown, malformed, revoked, or its buyer gone or inactive."""
    scheme, _separator, rest = (clear_key or "").strip().partition("_")
    prefix, _separator, secret = rest.partition("_")
    if scheme != KEY_SCHEME or not prefix or not secret or len(clear_key) > 200:
        return None
    api_key = (
        ApiKey.objects.select_related("created_by").filter(prefix=prefix, revoked_at__isnull=True).first()
    )
    if api_key is None or not hmac.compare_digest(api_key.key_hash, hash_key(clear_key.strip())):
        return None
    buyer = active_buyer_for(user=api_key.created_by)
    if buyer is None or buyer.company_id != api_key.company_id:
        return None
    now = timezone.now()
    if api_key.last_used_at is None or api_key.last_used_at < now - LAST_USED_PRECISION:
        # One conditional UPDATE: no lock, no write on every call.
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return ApiCaller(api_key=api_key, buyer=buyer)
