"""Every cockpit address, read or posted, is refused to visitors and customers.

The addresses are read from the cockpit's URL configuration, so a page added later is checked too.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from comptoir.backoffice import urls as backoffice_urls
from comptoir.fulfillment.models import Batch
from comptoir.orders.models import Order, OrderStatus
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

# Opened from an email, maybe signed out: its signature is the key (tests/security classifies it).
SIGNED_LINKS = {"go_live_confirm_email"}


def every_cockpit_address() -> list[str]:
    order = OrderFactory(status=OrderStatus.PAID)
    batch = Batch.objects.create()
    batch.orders.add(order)
    variant = order.lines.first().variant
    values = {
        "order_id": order.pk,
        "batch_id": batch.pk,
        "document": "coliship.csv",
        "variant_id": variant.pk if variant else 1,
        "position": 1,
    }
    addresses = []
    for pattern in backoffice_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in SIGNED_LINKS:
            continue
        names = pattern.pattern.regex.groupindex
        kwargs = {name: values[name] for name in names}
        addresses.append(reverse(f"backoffice:{pattern.name}", kwargs=kwargs))
    return addresses


def test_every_address_is_counted():
    assert len(every_cockpit_address()) + len(SIGNED_LINKS) == len(backoffice_urls.urlpatterns) >= 8


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_visitor_is_sent_to_sign_in_everywhere(client, method):
    for address in every_cockpit_address():
        response = getattr(client, method)(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/fr/"), address
        assert "atelier" not in response["Location"].split("?")[0], address


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_customer_enters_nowhere_and_changes_nothing(client, method):
    addresses = every_cockpit_address()
    statuses_before = sorted(Order.objects.values_list("pk", "status"))
    client.force_login(UserFactory())
    for address in addresses:
        response = getattr(client, method)(address)
        assert response.status_code in (302, 403), address
    assert sorted(Order.objects.values_list("pk", "status")) == statuses_before
