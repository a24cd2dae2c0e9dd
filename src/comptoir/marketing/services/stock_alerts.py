"""Back-in-stock alerts: asked for on a sold-out size, sent once when the size is back."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.catalog.models import Variant
from comptoir.inventory.selectors import available_quantities
from comptoir.notifications.jobs import enqueue

from ..emails import absolute, build_email
from ..models import StockAlert


class AlertRefused(Exception):
    def __init__(self, message: str) -> None:
        self.messages = [message]
        super().__init__(message)


def request_stock_alert(*, variant_id: object, email: str, language: str) -> StockAlert:
    """Remember the address for this size; asking twice is the same request."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise AlertRefused(_("Saisissez une adresse e-mail valide.")) from error
    variant = (
        Variant.objects.select_related("product").filter(pk=int(str(variant_id))).first()
        if str(variant_id).isdecimal()
        else None
    )
    if variant is None or not variant.is_sellable:
        raise AlertRefused(_("Ce produit n'existe pas."))
    existing = StockAlert.objects.filter(variant=variant, email=email, notified_at__isnull=True).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return StockAlert.objects.create(variant=variant, email=email, language=language[:8] or "fr")
    except IntegrityError:  # the same request, sent twice at once
        return StockAlert.objects.get(variant=variant, email=email, notified_at__isnull=True)


def send_back_in_stock_alerts() -> int:
    """Send every pending alert whose size can be bought again; each alert is sent once only.

    Run it often (``manage.py send_marketing_emails`` from cron, or a Celery beat schedule): it
    notices restocks however they happened (admin, import, a return).
    """
    pending = (
        StockAlert.objects.filter(notified_at__isnull=True).values_list("variant_id", flat=True).distinct()
    )
    available = available_quantities(variant_ids=list(pending))
    back = [variant_id for variant_id, quantity in available.items() if quantity > 0]
    sent = 0
    for alert in StockAlert.objects.filter(notified_at__isnull=True, variant_id__in=back).order_by("pk"):
        # Claimed by one conditional update: two runs at once never send the same alert twice.
        claimed = StockAlert.objects.filter(pk=alert.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if claimed:
            transaction.on_commit(partial(enqueue, send_stock_alert_email, alert_id=alert.pk))
            sent += 1
    return sent


def send_stock_alert_email(*, alert_id: int) -> None:
    alert = StockAlert.objects.select_related("variant__product", "variant__size", "variant__colour").get(
        pk=alert_id
    )
    variant = alert.variant
    with translation.override(alert.language):
        item = (
            f"{variant.product.name} ({variant.options_label})"
            if variant.options_label
            else str(variant.product.name)
        )
        subject = _("De retour : %(item)s") % {"item": item}
        url = absolute(variant.product.get_absolute_url())
    build_email(
        to=alert.email,
        subject=subject,
        template="stock_alert",
        context={"item": item, "url": url},
        language=alert.language,
    ).send()
