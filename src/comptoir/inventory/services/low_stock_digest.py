"""The founder's morning email: what is running out, so the workshop can cut more in time."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from comptoir.notifications.founder import absolute_url, founder_addresses
from comptoir.shop.profile import current_profile

from ..selectors import StockFilter, low_stock_records


def send_low_stock_digest() -> int:
    """One email to the owners listing every variant at or under its threshold; returns how many.

    Nothing is sent on a morning when nothing is low (no empty emails to learn to ignore).
    """
    records = list(low_stock_records())
    recipients = founder_addresses()
    if not records or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "records": records,
            "sold_out": sum(1 for record in records if record.available <= 0),
            "stock_url": absolute_url(reverse("backoffice:stock") + f"?state={StockFilter.LOW}"),
            "shop_name": current_profile().shop_name,
        }
        subject = ngettext(
            "Stock bas : %(count)d variante à réassortir",
            "Stock bas : %(count)d variantes à réassortir",
            len(records),
        ) % {"count": len(records)}
        message = EmailMultiAlternatives(
            from_email=current_profile().from_email,
            subject=subject,
            body=render_to_string("inventory/emails/low_stock.txt", context),
            to=recipients,
        )
        message.attach_alternative(render_to_string("inventory/emails/low_stock.html", context), "text/html")
    message.send()
    return len(records)
