"""One reminder for a forgotten cart, to the people the law allows: never twice, never after ordering.

The French data authority (CNIL) allows it for a person who consented to marketing emails or who
has bought from the shop before; never for someone who unsubscribed. Only signed-in customers'
carts carry an address, so only theirs are reminded.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from comptoir.cart.models import Cart
from comptoir.cart.selectors import cart_summary
from comptoir.notifications.jobs import enqueue
from comptoir.orders.models import Order

from ..emails import build_email, public_url
from ..models import Subscriber, SubscriberStatus
from .newsletter import unsubscribe_url


def remind_forgotten_carts(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    delay = timedelta(hours=settings.COMPTOIR_CART_REMINDER_HOURS)
    earlier_customer = Order.objects.filter(customer=OuterRef("customer"))
    ordered_since = Order.objects.filter(
        customer=OuterRef("customer"), created_at__gte=OuterRef("updated_at")
    )
    consented = Subscriber.objects.filter(
        email__iexact=OuterRef("customer__email"), status=SubscriberStatus.CONFIRMED
    )
    unsubscribed = Subscriber.objects.filter(
        email__iexact=OuterRef("customer__email"), status=SubscriberStatus.UNSUBSCRIBED
    )
    carts = (
        Cart.objects.filter(customer__isnull=False, reminded_at__isnull=True, updated_at__lte=now - delay)
        .filter(lines__isnull=False)
        .annotate(
            is_earlier_customer=Exists(earlier_customer),
            has_ordered_since=Exists(ordered_since),
            has_consented=Exists(consented),
            has_unsubscribed=Exists(unsubscribed),
        )
        .filter(has_ordered_since=False, has_unsubscribed=False)
        .distinct()
    )
    sent = 0
    for cart in carts:
        if not (cart.is_earlier_customer or cart.has_consented):  # type: ignore[attr-defined]
            continue
        if Cart.objects.filter(pk=cart.pk, reminded_at__isnull=True).update(reminded_at=now):
            enqueue(send_cart_reminder, cart_id=cart.pk)
            sent += 1
    return sent


def send_cart_reminder(*, cart_id: int) -> None:
    cart = Cart.objects.select_related("customer").get(pk=cart_id)
    customer = cart.customer
    if customer is None:
        return
    language = customer.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        summary = cart_summary(cart=cart, customer=customer)
        if summary.is_empty:
            return
        subject = _("Votre panier vous attend")
        names = [str(line.product.name) for line in summary.lines]
    build_email(
        to=customer.email,
        subject=subject,
        template="cart_reminder",
        context={"names": names, "url": public_url("storefront:cart", language=language)},
        language=language,
        unsubscribe_url=unsubscribe_url(email=customer.email, language=language),
    ).send()
