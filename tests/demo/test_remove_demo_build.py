"""« Retirer la démo » after a real demo build: the whole demo goes in one click, what she added stays.

Here, not in tests/golive: it needs the demo app (`make test-without-demo` leaves tests/demo out)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from comptoir.catalog.models import Product
from comptoir.content.models import LegalRole, Page
from comptoir.golive.models import DemoRow
from comptoir.invoicing.models import Invoice
from comptoir.orders.models import Order
from comptoir.resellers.models import Company
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def test_the_whole_demo_goes_in_one_click_and_what_she_added_since_stays(client):
    call_command("demo_shop", "--without-images", stdout=StringIO())
    assert Product.objects.count() > 40 and Order.objects.count() > 10 and Company.objects.count() >= 1
    founder = get_user_model().objects.get(email="fondatrice@comptoir.example")
    hers = ProductFactory(name_fr="Chemise Orme")  # she tried the demo, then made her first product
    notice = Page.objects.get(legal_role=LegalRole.LEGAL_NOTICE)
    notice.body_fr = "Atelier Orme SARL, 4 quai des Tanneurs, Lyon."
    notice.save()  # and made the demo's legal notice hers
    client.force_login(founder)

    client.post("/fr/atelier/ouverture/retirer-la-demo/")

    assert list(Product.objects.values_list("pk", flat=True)) == [hers.pk]
    assert (Order.objects.count(), Invoice.objects.count(), Company.objects.count()) == (0, 0, 0)
    assert list(get_user_model().objects.values_list("email", flat=True)) == ["fondatrice@comptoir.example"]
    # Only the fingerprints of the one-row settings the demo filled stay: they are hers now.
    assert DemoRow.objects.filter(fingerprint="").count() == 0
    assert list(Page.objects.values_list("pk", flat=True)) == [notice.pk]  # the demo's other texts are gone
