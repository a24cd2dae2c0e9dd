"""A buyer follows an order shipped in parts: per line, ordered, shipped, waiting; each parcel's invoice."""

from __future__ import annotations

import pytest

from comptoir.workflow.services.ship_and_invoice import ship_part_and_invoice
from tests.factories.parcels import quantities, reseller_order_with_stock
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db


def test_the_buyer_sees_what_left_what_waits_and_each_parcel_s_invoice(client):
    PriceListFactory()
    order = reseller_order_with_stock(lines=[(6, "40.00"), (4, "52.50")])
    buyer = BuyerFactory(company=order.company)
    invoice = ship_part_and_invoice(
        order=order, quantities=quantities(order, 4, 0), tracking_number="6A001", actor=None
    ).invoice
    client.force_login(buyer.user)

    page = client.get(f"/fr/pro/commandes/{order.number}/").content.decode()

    assert "Expédiée en partie, reliquat en attente" in page
    assert "Commandées" in page and "Expédiées" in page and "Reliquat" in page
    assert f"{order.number}-1" in page and "6A001" in page
    assert f"/fr/pro/factures/{invoice.number}.pdf" in page
    assert invoice.number in client.get("/fr/pro/factures/").content.decode()
    assert client.get(f"/fr/pro/factures/{invoice.number}.pdf").status_code == 200


def test_another_company_s_buyer_gets_404_on_the_order_and_its_parcel_invoices(client):
    PriceListFactory()
    order = reseller_order_with_stock()
    invoice = ship_part_and_invoice(
        order=order, quantities=quantities(order, 1, 0), tracking_number="6A001", actor=None
    ).invoice
    client.force_login(BuyerFactory().user)
    assert client.get(f"/fr/pro/commandes/{order.number}/").status_code == 404
    assert client.get(f"/fr/pro/factures/{invoice.number}.pdf").status_code == 404
    assert invoice.number not in client.get("/fr/pro/factures/").content.decode()
