"""What the shop sends and prints carries the identity the setup saved: the sender of every email,
its links on the public address, the shipper on the packing slip and the carrier files."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from comptoir.fulfillment.carriers import coliship_file, generic_csv
from comptoir.fulfillment.documents import packing_slips_pdf
from comptoir.orders.access import order_access_url
from comptoir.orders.emails import build_order_email
from comptoir.shop.services.update_shop_profile import update_shop_profile
from tests.factories.payments import OrderFactory
from tests.fulfillment.test_papers_and_carrier_files import order_of, shirt

pytestmark = pytest.mark.django_db

ROSES = {
    "brand_name": "Chemises Roses",
    "sender_name": "Chemises Roses",
    "sender_email": "bonjour@roses.example",
    "public_url": "https://www.roses.example",
    "shipper_company": "Roses SARL",
    "shipper_line1": "3 rue des Lilas",
    "shipper_postcode": "69001",
    "shipper_city": "Lyon",
    "shipper_country": "FR",
    "shipper_email": "atelier@roses.example",
    "shipper_phone": "0478000000",
    "packaging_grams": 90,
}


@pytest.fixture(autouse=True)
def roses(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    settings.COMPTOIR_PUBLIC_URL = "http://127.0.0.1:8123"  # what PORT would give: never used once saved
    update_shop_profile(values=ROSES)


def test_order_emails_are_signed_by_the_shop_and_link_its_public_address():
    order = OrderFactory(language="fr")
    message = build_order_email(order=order, kind="confirmation")
    assert message.from_email == "Chemises Roses <bonjour@roses.example>"
    assert order_access_url(order=order).startswith("https://www.roses.example/fr/")
    assert "https://www.roses.example/fr/" in message.body
    assert "127.0.0.1" not in message.body


def test_the_account_emails_speak_in_the_shops_name(client):
    from django.urls import reverse

    from tests.factories import UserFactory

    UserFactory(email="helene@example.com")
    client.post(reverse("account_reset_password"), {"email": "helene@example.com"})
    message = mail.outbox[-1]
    assert "https://www.roses.example/" in message.body
    assert message.from_email == "Chemises Roses <bonjour@roses.example>"
    assert message.subject.startswith("Chemises Roses · ")


def test_the_packing_slip_and_the_carrier_files_carry_the_profiles_shipper():
    order = order_of((shirt("OX-41", "B-02", weight=300), 2), number="CR-26-000001")
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(packing_slips_pdf(orders=[order]))).pages
    )
    text = " ".join(text.split())
    assert "3 rue des Lilas, 69001 Lyon." in text
    assert "Oberkampf" not in text and "Maison Lavande" not in text
    coliship = coliship_file(orders=[order]).decode("utf-8-sig")
    assert '"Roses SARL"' in coliship and '"3 rue des Lilas"' in coliship
    assert '"690"' in coliship  # 2 × 300 g + the profile's 90 g box
    assert "Oberkampf" not in coliship
    assert "Oberkampf" not in generic_csv(orders=[order]).decode("utf-8-sig")
