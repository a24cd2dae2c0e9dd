"""The seller's settings page: owner only, every number checked, the legal floor enforced, invoices frozen."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from comptoir.invoicing.models import SellerSettings
from comptoir.invoicing.seller import current_seller, seller_identity
from comptoir.invoicing.services.issue_invoice import issue_invoice_for_order
from comptoir.orders.models import OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

URL = reverse("backoffice:seller_settings")

VALID = {
    "legal_name": "Atelier Lavande SARL",
    "legal_form": "SARL",
    "share_capital": "5000",
    "address": "4 rue du Bac\n75007 Paris\nFrance",
    "siret": "732 829 320 00017",
    "rcs": "RCS Paris",
    "vat_number": "FR 44 732829320",
    "late_payment_rate": "12.15",
    "default_payment_terms": "net_30",
    "bank_holder": "Atelier Lavande",
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "bic": "AGRIFRPP882",
    "invoice_footer": "Merci pour votre confiance.",
}


@pytest.fixture
def owner_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_until_saved_the_settings_come_from_the_environment():
    assert not SellerSettings.objects.exists()
    seller = current_seller()
    assert (seller.legal_name, seller.siret, seller.vat_number) == (
        "Maison Lavande SAS",
        "73282932000017",
        "FR44732829320",
    )
    assert seller_identity()["siren"] == "732829320"


def test_the_owner_saves_the_identity_and_the_numbers_are_stored_compact(owner_client):
    response = owner_client.post(URL, VALID)
    assert response.status_code == 302
    row = SellerSettings.objects.get()
    assert (row.siret, row.vat_number, row.iban, row.bic) == (
        "73282932000017",
        "FR44732829320",
        "FR7630006000011234567890189",
        "AGRIFRPP882",
    )
    assert row.share_capital == Decimal("5000.00")
    assert seller_identity()["share_capital"] == "5\u00a0000 €"
    page = owner_client.get(URL).content.decode()
    assert "Atelier Lavande SARL" in page


def test_bad_numbers_are_named_and_nothing_is_saved(owner_client):
    bad = {**VALID, "siret": "73282932000018", "iban": "FR76 3000 6000 0112 3456 7890 188", "bic": "XX"}
    response = owner_client.post(URL, {**bad, "vat_number": "FR00732829320"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "n'est pas un SIRET valide" in page
    assert "n'est pas un IBAN valide" in page
    assert "n'est pas un BIC valide" in page
    assert "n'est pas un numéro de TVA intracommunautaire valide" in page
    assert not SellerSettings.objects.exists()


def test_a_late_payment_rate_below_three_times_the_legal_rate_is_refused(owner_client, settings):
    settings.COMPTOIR_LEGAL_INTEREST_RATE = "3.16"
    response = owner_client.post(URL, {**VALID, "late_payment_rate": "9.47"})
    assert response.status_code == 422
    assert "9,48 % au minimum" in response.content.decode()
    assert not SellerSettings.objects.exists()
    assert owner_client.post(URL, {**VALID, "late_payment_rate": "9.48"}).status_code == 302


def test_an_issued_invoice_keeps_the_seller_it_was_issued_with(owner_client):
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    owner_client.post(URL, VALID)
    later = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    invoice.refresh_from_db()
    assert invoice.seller["name"] == "Maison Lavande SAS"
    assert later.seller["name"] == "Atelier Lavande SARL"
    assert later.seller["iban"] == "FR7630006000011234567890189"


def test_the_packing_team_neither_sees_nor_reaches_the_page(client):
    client.force_login(packer_user())
    assert client.get(URL).status_code == 403
    assert client.post(URL, VALID).status_code == 403
    assert not SellerSettings.objects.exists()
    assert URL not in client.get(reverse("backoffice:to_pack")).content.decode()


def test_bank_transfer_customers_read_the_bank_details_of_the_settings_page(owner_client):
    from django.core import mail

    from comptoir.workflow.emails import queue_order_email

    owner_client.post(URL, {**VALID, "iban": "FR14 2004 1010 0505 0001 3M02 606", "bic": "PSSTFRPPPAR"})
    order = OrderFactory(payment_method="bank_transfer")
    queue_order_email(order_id=order.pk, kind="confirmation")
    assert "FR14 2004 1010 0505 0001 3M02 606" in mail.outbox[0].body
    assert "PSSTFRPPPAR" in mail.outbox[0].body
