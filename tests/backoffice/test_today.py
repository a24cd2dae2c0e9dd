"""Today's screen counts the work waiting, each door apart, and what is overdue."""

import datetime as dt
import re

import pytest

from comptoir.orders.emails import queue_order_email
from comptoir.orders.models import Channel, OrderStatus
from comptoir.resellers.models import ResellerApplication
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db


def count_of(page: str, label: str) -> int:
    match = re.search(r'bo-card__count">(\d+)</span><span>' + re.escape(label) + "<", page)
    assert match, label
    return int(match.group(1))


@pytest.fixture
def work():
    company = CompanyFactory()
    OrderFactory(status=OrderStatus.PAID)
    OrderFactory(status=OrderStatus.PAID)
    OrderFactory(status=OrderStatus.PAID, channel=Channel.RESELLER, company=company)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    OrderFactory(
        status=OrderStatus.SHIPPED, channel=Channel.RESELLER, company=company, payment_due_date=yesterday
    )
    OrderFactory(  # paid on time: not overdue
        status=OrderStatus.SHIPPED,
        channel=Channel.RESELLER,
        company=company,
        payment_due_date=yesterday,
        paid_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    ResellerApplication.objects.create(
        shop_name="La Mercerie",
        legal_name="La Mercerie SARL",
        company_number="732829320",
        line1="1 rue Sainte-Catherine",
        postcode="33000",
        city="Bordeaux",
        first_name="Anne",
        last_name="Roux",
        email="anne@mercerie.example",
    )


def test_the_owner_sees_each_door_apart_applications_and_overdue_invoices(client, work):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/fr/atelier/").content.decode()
    assert count_of(page, "commandes boutique à préparer") == 2
    assert count_of(page, "commandes revendeurs à préparer") == 1
    assert count_of(page, "demandes de revendeurs") == 1
    assert count_of(page, "factures revendeurs en retard") == 1


def test_packing_staff_see_the_parcels_only(client, work):
    client.force_login(packer_user())
    page = client.get("/fr/atelier/").content.decode()
    assert count_of(page, "commandes revendeurs à préparer") == 1
    assert "factures revendeurs en retard" not in page and "demandes de revendeurs" not in page


def test_emails_waiting_for_the_mail_server_show_on_the_owners_home(client, settings):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "courriels en attente" not in client.get("/fr/atelier/").content.decode()  # none: no card
    settings.REDIS_URL = ""
    settings.EMAIL_BACKEND = "tests.notifications.broken_mail.EmailBackend"
    queue_order_email(order_id=OrderFactory().pk, kind="paid")

    page = client.get("/fr/atelier/").content.decode()
    assert count_of(page, "courriels en attente (serveur de courriel indisponible)") == 1
