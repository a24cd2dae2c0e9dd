"""Parcels leave: a tracking number per order, or ColiShip's export imported all-or-nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comptoir.orders.models import OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories.orders import order_with_stock

pytestmark = pytest.mark.django_db

URL = "/fr/atelier/a-expedier/"


@pytest.fixture
def staff(client):
    client.force_login(packer_user())


def export(*rows: tuple[str, str]) -> SimpleUploadedFile:
    lines = ["ReferenceExpedition;NumeroColis;Poids"] + [
        f"{number};{tracking};650" for number, tracking in rows
    ]
    return SimpleUploadedFile("export.csv", ("\r\n".join(lines) + "\r\n").encode("latin-1"))


def test_a_scanned_tracking_number_ships_the_order_and_tells_the_customer(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    order = order_with_stock(status=OrderStatus.PACKED, number="ML-26-000101", quantity=1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"order": order.pk, "tracking": " 6A12345678901 "})
    order.refresh_from_db()
    assert (order.status, order.tracking_number) == (OrderStatus.SHIPPED, "6A12345678901")
    assert "suivre-vos-envois?code=6A12345678901" in mailoutbox[-1].body


def test_an_empty_tracking_number_is_refused(client, staff):
    order = order_with_stock(status=OrderStatus.PACKED, quantity=1)
    page = client.post(URL, {"order": order.pk, "tracking": ""}).content.decode()
    assert "Saisissez ou scannez le numéro de suivi." in page
    order.refresh_from_db()
    assert order.status == OrderStatus.PACKED


def test_the_coliship_export_ships_every_order_it_names(client, staff):
    first = order_with_stock(status=OrderStatus.PACKED, number="ML-26-000201", quantity=1)
    second = order_with_stock(status=OrderStatus.PACKED, number="ML-26-000202", quantity=1)
    client.post(URL, {"export": export(("ML-26-000201", "6A0001"), ("ML-26-000202", "6A0002"))})
    client.post(URL, {"export": export(("ML-26-000201", "6A0001"))})  # the same file again: nothing new
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.tracking_number) == (OrderStatus.SHIPPED, "6A0001")
    assert (second.status, second.tracking_number) == (OrderStatus.SHIPPED, "6A0002")


def test_one_bad_row_names_itself_and_nothing_is_shipped(client, staff):
    good = order_with_stock(status=OrderStatus.PACKED, number="ML-26-000301", quantity=1)
    paid = order_with_stock(status=OrderStatus.PAID, number="ML-26-000302", quantity=1)
    page = client.post(
        URL,
        {
            "export": export(
                ("ML-26-000301", "6A01"),
                ("ML-26-999999", "6A02"),
                ("ML-26-000302", "6A03"),
                ("ML-26-000301", ""),
            )
        },
    ).content.decode()
    assert (
        "Ligne 3 : la commande « ML-26-999999 » n&#x27;existe pas." in page
        or "Ligne 3 : la commande « ML-26-999999 » n'existe pas." in page
    )
    assert "Ligne 4 : la commande ML-26-000302 est « Payée », pas emballée." in page
    assert "Ligne 5 : numéro de colis vide." in page
    good.refresh_from_db()
    paid.refresh_from_db()
    assert (good.status, paid.status) == (OrderStatus.PACKED, OrderStatus.PAID)


def test_a_file_that_is_not_a_coliship_export_is_refused(client, staff):
    page = client.post(URL, {"export": SimpleUploadedFile("x.csv", b"a;b\r\n1;2\r\n")}).content.decode()
    assert "pas un export ColiShip" in page
