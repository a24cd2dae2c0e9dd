"""Pick list, packing slips and carrier files for a batch of orders."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from comptoir.fulfillment.carriers import coliship_file, coliship_fmt, generic_csv, mondial_relay_file
from comptoir.fulfillment.documents import packing_slips_pdf, pick_list_pdf
from comptoir.fulfillment.picking import pick_list
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import OrderLine, OrderStatus
from tests.factories import ProductFactory, VariantFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def shirt(sku: str, location: str, weight: int = 320):
    variant = VariantFactory(product=ProductFactory(name_fr=f"Chemise {sku}"), sku=sku, weight_grams=weight)
    StockRecord.objects.filter(variant=variant).update(location=location)
    return variant


def order_of(*items, country="FR", carrier="colissimo", **fields):
    address = {
        "first_name": "Hélène", "last_name": "Françoise", "company": "", "line1": "3 rue de l'Hôpital",
        "line2": "", "postcode": "75011" if country == "FR" else "10001",
        "city": "Paris" if country == "FR" else "New York", "country": country, "phone": "+33612345678",
    }  # fmt: skip
    order = OrderFactory(
        status=OrderStatus.PAID, with_line=False, shipping_address=address, shipping_carrier=carrier, **fields
    )
    for variant, quantity in items:
        OrderLine.objects.create(
            order=order, variant=variant, product_name=str(variant.product.name), options_label="",
            sku=variant.sku, quantity=quantity, unit_gross=Decimal("95.00"), unit_net=Decimal("79.17"),
            vat_rate=Decimal("0.2"),
            total_gross=Decimal("95.00") * quantity, total_net=Decimal("79.17") * quantity,
        )  # fmt: skip
    return order


def test_the_pick_list_sums_each_sku_and_follows_the_shelves():
    a, b, c = shirt("OX-41", "B-02"), shirt("LIN-40", "A-07"), shirt("POP-39", "")
    first = order_of((a, 1), (b, 2), number="ML-26-000001")
    second = order_of((a, 2), (c, 1), number="ML-26-000002")
    lines = pick_list(orders=[first, second])
    assert [(line.location, line.sku, line.quantity) for line in lines] == [
        ("A-07", "LIN-40", 2),
        ("B-02", "OX-41", 3),
        ("", "POP-39", 1),  # no shelf yet: last
    ]
    assert lines[1].orders == ["ML-26-000001", "ML-26-000002"]


def test_coliship_lines_are_quoted_semicolon_separated_crlf_with_customs_outside_the_eu(settings):
    settings.COMPTOIR_COLISHIP_ENCODING = "latin-1"
    a = shirt("OX-41", "B-02", weight=300)
    home = order_of((a, 2), number="ML-26-000010")
    abroad = order_of((a, 1), country="US", number="ML-26-000011")
    relay = order_of((a, 1), carrier="mondial_relay", number="ML-26-000012")
    content = coliship_file(orders=[home, abroad, relay])
    text = content.decode("latin-1")
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in text.replace("\r\n", "")
    exp_home, exp_abroad, cn2 = (line.split(";") for line in lines[:3])
    assert exp_home[0] == '"EXP"' and exp_home[1] == '"ML-26-000010"' and len(exp_home) == 41
    assert exp_home[15:17] == ['"Françoise"', '"Hélène"']  # accents round-trip in the chosen encoding
    assert exp_home[23] == '"FR"' and exp_home[33] == f'"{600 + settings.COMPTOIR_PACKAGING_GRAMS}"'
    assert exp_abroad[23] == '"US"'
    assert (
        cn2[0] == '"CN2"'
        and cn2[4] == '"1"'
        and cn2[5] == '"95.00"'
        and cn2[9] == f'"{settings.COMPTOIR_HS_CODE}"'
    )
    assert "ML-26-000012" not in text  # pick-up point parcels go to Mondial Relay's file
    assert len(lines) == 4


def test_the_fmt_description_matches_the_file(settings):
    settings.COMPTOIR_COLISHIP_ENCODING = "utf-8-sig"
    fmt = coliship_fmt().decode("utf-8-sig")
    assert "SEPARATEUR=59\r\n" in fmt and "FINDELIGNE=CRLF\r\n" in fmt and "EntetLigneArticle=CN2\r\n" in fmt
    assert "ReferenceExpedition=2\r\n" in fmt and "Poids=34\r\n" in fmt and "NumTarifaire=10\r\n" in fmt


def test_mondial_relay_and_generic_files():
    a = shirt("OX-41", "B-02")
    relay = order_of(
        (a, 1), carrier="mondial_relay", number="ML-26-000020", pickup_point={"id": "075123", "name": "Tabac"}
    )
    home = order_of((a, 1), number="ML-26-000021")
    mondial = mondial_relay_file(orders=[relay, home]).decode("utf-8-sig").split("\r\n")
    assert mondial[1].startswith("ML-26-000020;Hélène Françoise;") and "075123;Tabac;FR" in mondial[1]
    assert len([line for line in mondial if line]) == 2
    generic = generic_csv(orders=[relay, home]).decode("utf-8-sig").split("\r\n")
    assert generic[0].startswith("commande;transporteur;nom") and len([line for line in generic if line]) == 3


def test_the_papers_are_pdfs():
    order = order_of((shirt("OX-41", "B-02"), 1), customer_note="Sonnez deux fois")
    assert pick_list_pdf(orders=[order]).startswith(b"%PDF")
    assert packing_slips_pdf(orders=[order]).startswith(b"%PDF")


def test_the_packing_slip_sends_returns_to_the_shippers_own_address(settings):
    settings.COMPTOIR_SHIPPER = {
        **settings.COMPTOIR_SHIPPER, "line1": "4 chemin des Tisserands", "line2": "Bâtiment B",
        "postcode": "69004", "city": "Lyon",
    }  # fmt: skip
    order = order_of((shirt("OX-42", "B-03"), 1))
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(packing_slips_pdf(orders=[order]))).pages
    )
    text = " ".join(text.split())
    assert "4 chemin des Tisserands, Bâtiment B, 69004 Lyon." in text
    assert "Oberkampf" not in text
