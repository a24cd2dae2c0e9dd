"""Staff two-factor: an authenticator app (TOTP, django-otp) enrolled once, a code asked once per session.

With the app come ten recovery codes (django-otp's static tokens), shown once: each opens one session
when the phone is lost, then is spent. Customers and resellers are never asked. Whether staff must
enrol is the owner's setting (``COMPTOIR_STAFF_TWO_FACTOR``); whoever enrolled is asked even when off.
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django_otp import match_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from comptoir.accounts.models import User
from comptoir.core.rate_limit import allow

DEVICE_NAME = "Atelier"
RECOVERY_DEVICE_NAME = "Codes de secours"
RECOVERY_CODES = 10


def two_factor_required(*, user: User) -> bool:
    """Staff must give a code: the shop requires it, or this person enrolled a device."""
    if not user.is_staff:
        return False
    return settings.COMPTOIR_STAFF_TWO_FACTOR or has_device(user=user)


def has_device(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(*, user: User) -> TOTPDevice:
    """The device being enrolled (not confirmed yet): the same secret until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_as_text(*, device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed by hand (base32, in groups of four)."""
    encoded = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(encoded[index : index + 4] for index in range(0, len(encoded), 4))


def attempt_allowed(*, user: User) -> bool:
    """Counts one code attempt: ten in 15 minutes per account, then the step is locked (any IP)."""
    return allow(
        action="two-factor",
        key=str(user.pk),
        limit=settings.COMPTOIR_TWO_FACTOR_FAILURE_LIMIT,
        window_seconds=settings.COMPTOIR_TWO_FACTOR_LOCK_SECONDS,
    )


@transaction.atomic
def confirm_enrolment(*, user: User, token: str) -> TOTPDevice | None:
    """The first right code confirms the device (other devices of this person are removed)."""
    device = pending_device(user=user)
    if not device.verify_token(_clean(token)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def verify_token(*, user: User, token: str) -> Device | None:
    """The device this code belongs to: the app's, or a recovery code (spent by this use). None when
    it is wrong, reused or too early after a miss."""
    device = match_token(user, _clean(token).lower())  # recovery codes are lower-case base32
    return device if isinstance(device, TOTPDevice | StaticDevice) else None


@transaction.atomic
def new_recovery_codes(*, user: User) -> list[str]:
    """Ten new recovery codes for this person; the ones she had before stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(*, user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def _clean(token: str) -> str:
    return "".join(token.split())[:12]
