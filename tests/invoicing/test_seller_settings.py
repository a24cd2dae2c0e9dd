"""The seller's settings (the setup's identity and bank steps): owner only, every number checked, the
legal floor enforced, invoices frozen."""

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

IDENTITY_URL = reverse("backoffice:setup_identity")
BANK_URL = reverse("backoffice:setup_bank")
IDENTITY_FIELDS = ("legal_name", "legal_form", "share_capital", "address", "siret", "rcs", "vat_number")
LEGAL_PAGES = {"publication_director": "Louise Martin", "host_name": "Scalingo SAS", "mediator": "CM2C"}

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


def identity(values):
    return {**{name: values[name] for name in IDENTITY_FIELDS}, **LEGAL_PAGES}


def bank(values):
    return {name: value for name, value in values.items() if name not in IDENTITY_FIELDS}


def save(client, values):
    """Both steps, as the founder walks them; the last response."""
    client.post(IDENTITY_URL, identity(values))
    return client.post(BANK_URL, bank(values))


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
    assert owner_client.post(IDENTITY_URL, identity(VALID)).status_code == 302
    response = owner_client.post(BANK_URL, bank(VALID))
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
    page = owner_client.get(IDENTITY_URL).content.decode()
    assert "Atelier Lavande SARL" in page


def test_bad_numbers_are_named_and_nothing_is_saved(owner_client):
    bad = {**VALID, "siret": "73282932000018", "iban": "FR76 3000 6000 0112 3456 7890 188", "bic": "XX"}
    response = owner_client.post(IDENTITY_URL, identity({**bad, "vat_number": "FR00732829320"}))
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "n'est pas un SIRET valide" in page
    assert "n'est pas un numéro de TVA intracommunautaire valide" in page
    response = owner_client.post(BANK_URL, bank(bad))
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "n'est pas un IBAN valide" in page
    assert "n'est pas un BIC valide" in page
    assert not SellerSettings.objects.exists()


def test_a_late_payment_rate_below_three_times_the_legal_rate_is_refused(owner_client, settings):
    settings.COMPTOIR_LEGAL_INTEREST_RATE = "3.16"
    response = owner_client.post(BANK_URL, bank({**VALID, "late_payment_rate": "9.47"}))
    assert response.status_code == 422
    assert "9,48 % au minimum" in response.content.decode()
    assert not SellerSettings.objects.exists()
    assert owner_client.post(BANK_URL, bank({**VALID, "late_payment_rate": "9.48"})).status_code == 302


def test_an_issued_invoice_keeps_the_seller_it_was_issued_with(owner_client):
    invoice = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    save(owner_client, VALID)
    later = issue_invoice_for_order(order=OrderFactory(status=OrderStatus.PAID))
    invoice.refresh_from_db()
    assert invoice.seller["name"] == "Maison Lavande SAS"
    assert later.seller["name"] == "Atelier Lavande SARL"
    assert later.seller["iban"] == "FR7630006000011234567890189"


def test_the_packing_team_neither_sees_nor_reaches_the_page(client):
    client.force_login(packer_user())
    for url in (IDENTITY_URL, BANK_URL, reverse("backoffice:seller_settings")):
        assert client.get(url).status_code == 403
        assert client.post(url, VALID).status_code in (403, 405)
    assert not SellerSettings.objects.exists()
    assert reverse("backoffice:setup") not in client.get(reverse("backoffice:to_pack")).content.decode()


def test_bank_transfer_customers_read_the_bank_details_of_the_settings_page(owner_client):
    from django.core import mail

    from comptoir.workflow.emails import queue_order_email

    owner_client.post(
        BANK_URL, bank({**VALID, "iban": "FR14 2004 1010 0505 0001 3M02 606", "bic": "PSSTFRPPPAR"})
    )
    order = OrderFactory(payment_method="bank_transfer")
    queue_order_email(order_id=order.pk, kind="confirmation")
    assert "FR14 2004 1010 0505 0001 3M02 606" in mail.outbox[0].body
    assert "PSSTFRPPPAR" in mail.outbox[0].body
