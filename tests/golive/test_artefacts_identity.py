"""A shop started with ``start_shop`` under a made-up brand: every artefact of its first order carries
that brand's identity and none of the demo's.

The brand is entered the way the cockpit stores it today (the seller's settings saved in the
database; name, sender, shipper and public address in the settings an operator sets). The order goes
through the real services: checkout → bank transfer confirmed → packed → shipped, in French and in
English. Any demo string found fails with the artefact and the string named.
"""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from comptoir.cart.models import Cart
from comptoir.cart.services.edit_cart import add_to_cart
from comptoir.checkout.services.place_order import place_order
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import Money
from comptoir.fulfillment.carriers import coliship_file, generic_csv, mondial_relay_file
from comptoir.fulfillment.documents import packing_slips_pdf, pick_list_pdf
from comptoir.fulfillment.services.prepare_batch import prepare_batch
from comptoir.golive.services.launch import open_shop
from comptoir.golive.services.start_shop import start_shop
from comptoir.invoicing.einvoice import invoice_xml
from comptoir.invoicing.models import Invoice, SellerSettings
from comptoir.invoicing.pdf import invoice_pdf
from comptoir.orders.access import order_access_token
from comptoir.orders.models import Order
from comptoir.payments.services.start_payment import start_payment
from comptoir.shipping.selectors import shipping_options
from comptoir.shop.services.update_shop_profile import update_shop_profile
from comptoir.workflow.services.pay_order import mark_payment_paid
from comptoir.workflow.services.ship_and_invoice import ship_order_and_invoice
from tests.factories import ProductFactory, VariantFactory
from tests.factories.shipping import WeightBandFactory

pytestmark = pytest.mark.django_db

DEMO_STRINGS = (
    "Maison Lavande",
    "maison-lavande",
    "comptoir.example",
    "12 rue Oberkampf",
    "732829320",
    "732 829 320",
    "73282932000017",
    "FR44732829320",
    "FR76 3000 6000 0112 3456 7890 189",
    "FR7630006000011234567890189",
    "AGRIFRPP882",
)
BRAND = "Atelier Orme"
SIRET = "55208131766522"
VAT = "FR03552081317"
IBAN = "FR1420041010050500013M02606"
SENDER = "bonjour@atelier-orme.fr"


@pytest.fixture
def made_up_brand(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()  # what the operator's environment sets would win
    settings.COMPTOIR_ORDER_NUMBER_PREFIX = "CMD"  # the default without the demo app (settings.py)
    # The demo's name, sender, address, shipper, seller and bank stay in the settings: an artefact
    # reading them instead of her saved identity would print the demo's, and fail here.
    start_shop(email="jeanne@atelier-orme.fr", password=None)
    # Her identity, stored as the cockpit's setup stores it.
    update_shop_profile(
        values={
            "brand_name": BRAND, "sender_name": BRAND, "sender_email": SENDER,
            "public_url": "https://atelier-orme.fr", "shipper_company": BRAND,
            "shipper_line1": "4 quai des Tanneurs", "shipper_line2": "", "shipper_postcode": "69001",
            "shipper_city": "Lyon", "shipper_country": "FR", "shipper_email": "expeditions@atelier-orme.fr",
            "shipper_phone": "0478000000", "packaging_grams": 150, "bank_transfer_enabled": True,
        }
    )  # fmt: skip
    SellerSettings.objects.update_or_create(
        pk=1,
        defaults=dict(
            legal_name="Atelier Orme SARL", legal_form="SARL", share_capital=Decimal("5000"),
            address="4 quai des Tanneurs\n69001 Lyon\nFrance", siret=SIRET, rcs="RCS Lyon", vat_number=VAT,
            bank_holder="Atelier Orme SARL", iban=IBAN, bic="PSSTFRPPLIL", late_payment_rate=Decimal("12.15"),
        ),
    )  # fmt: skip
    WeightBandFactory(max_weight_grams=5000, price=Decimal("6.90"))
    open_shop(ready=True)  # the checklist's last step


def first_order(*, language: str, key: str) -> Order:
    variant = VariantFactory(product=ProductFactory(name_fr="Chemise Orme", name_en="Orme shirt"), on_hand=8)
    cart = Cart.objects.create()
    add_to_cart(cart=cart, variant_id=variant.pk, quantity=1)
    option = shipping_options(country="FR", weight_grams=400, subtotal_gross=Money(Decimal("95.00")))[0]
    order = place_order(
        cart=cart, customer=None, email="claire@example.org",
        shipping_address=PostalAddress(
            first_name="Claire", last_name="Vidal", line1="8 rue Mercière", postcode="69002", city="Lyon",
            country="FR",
        ),
        billing_address=None, shipping_option=option, payment_method="bank_transfer", idempotency_key=key,
        language=language, terms_accepted=True,
    )  # fmt: skip
    payment = start_payment(order=order, provider_code="bank_transfer", return_url="/", cancel_url="/")
    mark_payment_paid(payment_id=payment.payment.pk, actor_label="staff")
    prepare_batch(order_ids=[order.pk], actor=None)
    ship_order_and_invoice(order=order, actor_label="staff")
    order.refresh_from_db()
    return order


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def demo_strings_in(artefacts: dict[str, str]) -> list[str]:
    found = [
        f"{name}: « {demo} »" for name, text in artefacts.items() for demo in DEMO_STRINGS if demo in text
    ]
    return found


def test_every_artefact_of_the_first_order_is_the_brands_and_none_the_demos(
    made_up_brand, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        french = first_order(language="fr", key="first-fr")
    with django_capture_on_commit_callbacks(execute=True):
        english = first_order(language="en", key="first-en")
    invoice = Invoice.objects.get(order=french)

    artefacts: dict[str, str] = {}
    for order in (french, english):
        token = order_access_token(order=order)
        page = client.get(f"/{order.language}/{'commande' if order.language == 'fr' else 'order'}/{token}/")
        assert page.status_code == 200
        artefacts[f"order page ({order.language})"] = page.content.decode()
    for number, message in enumerate(mailoutbox):
        name = f"email {number + 1} « {message.subject} »"
        alternatives = " ".join(str(content) for content, _type in getattr(message, "alternatives", []))
        artefacts[name] = f"From: {message.from_email}\n{message.subject}\n{message.body}\n{alternatives}"
        for filename, content, _mimetype in message.attachments:
            if filename.endswith(".pdf"):
                artefacts[f"{name}, {filename}"] = pdf_text(content)
    pdf = invoice_pdf(invoice=invoice)
    artefacts["invoice PDF"] = pdf_text(pdf)
    artefacts["Factur-X XML"] = invoice_xml(invoice=invoice).decode()
    artefacts["packing slip"] = pdf_text(packing_slips_pdf(orders=[french, english]))
    artefacts["pick list"] = pdf_text(pick_list_pdf(orders=[french, english]))
    artefacts["ColiShip file"] = coliship_file(orders=[french]).decode("utf-8-sig")
    artefacts["Mondial Relay file"] = mondial_relay_file(orders=[french]).decode("utf-8", errors="replace")
    artefacts["carrier CSV"] = generic_csv(orders=[french]).decode("utf-8-sig")
    feed = client.get("/feeds/google-merchant-fr.xml")
    artefacts["merchant feed"] = (
        b"".join(feed.streaming_content).decode() if feed.streaming else feed.content.decode()
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    artefacts["sitemap"] = sitemap + "".join(
        client.get(re.sub(r"^https?://[^/]+", "", section)).content.decode()
        for section in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    )
    product = french.lines.get().variant.product
    product_page = client.get(product.get_absolute_url()).content.decode()
    json_ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', product_page, re.S)
    assert json_ld
    artefacts["product JSON-LD"] = "\n".join(json_ld)

    assert demo_strings_in(artefacts) == []
    # « Comptoir » is the software's name, never the sender's.
    assert all(message.from_email == f"{BRAND} <{SENDER}>" for message in mailoutbox)
    assert {"fr", "en"} <= {order.language for order in (french, english)} and len(mailoutbox) >= 4
    # Her identity, where it belongs.
    assert "Atelier Orme SARL" in artefacts["invoice PDF"] and SIRET in artefacts["invoice PDF"].replace(
        " ", ""
    )
    assert VAT in artefacts["invoice PDF"] and VAT in artefacts["Factur-X XML"]
    assert "552081317" in artefacts["Factur-X XML"]
    assert "4 quai des Tanneurs" in " ".join(artefacts["packing slip"].split())
    assert not french.number.startswith("ML-") and not english.number.startswith("ML-")
    assert "4 quai des Tanneurs" in artefacts["ColiShip file"] and BRAND in artefacts["ColiShip file"]
    assert product.get_absolute_url() in artefacts["sitemap"] and "Chemise Orme" in artefacts["merchant feed"]
    assert any(BRAND in json.dumps(json.loads(block)) for block in json_ld)
    transfer_email = next(
        text for name, text in artefacts.items() if name.startswith("email") and "IBAN" in text
    )
    assert "FR14 2004 1010 0505 0001 3M02 606" in transfer_email
