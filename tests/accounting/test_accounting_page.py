"""The owner downloads the journal and the FEC from the cockpit; the packing team cannot."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from comptoir.accounting.exports import FEC_COLUMNS
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:accounting")


@pytest.fixture
def owner_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_owner_downloads_the_sales_journal_of_a_period(owner_client):
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    today = timezone.localdate()
    page = owner_client.get(URL).content.decode()
    assert "Journal des ventes" in page and f'value="{today.replace(day=1).isoformat()}"' in page
    response = owner_client.get(URL, {"start": today.replace(day=1).isoformat(), "end": today.isoformat()})
    assert response["Content-Type"] == "text/csv"
    assert invoice.number in response.content.decode("utf-8-sig")


def test_the_owner_downloads_the_fec_of_a_year(owner_client):
    issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    year = timezone.localdate().year
    response = owner_client.get(URL, {"year": year})
    assert response["Content-Disposition"] == f'attachment; filename="732829320FEC{year}1231.txt"'
    assert response.content.decode("iso-8859-15").split("\r\n")[0].split("\t") == list(FEC_COLUMNS)


def test_a_reversed_period_is_shown_again_with_its_message(owner_client):
    response = owner_client.get(URL, {"start": "2026-05-01", "end": "2026-04-01"})
    assert response.status_code == 422
    assert "La période doit commencer avant de finir." in response.content.decode()


def test_the_packing_team_gets_no_money_figures(client):
    client.force_login(packer_user())
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"year": 2026}).status_code == 403
