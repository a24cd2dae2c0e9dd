"""Stock and prices as a spreadsheet: exported, previewed, imported all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from comptoir.catalog.models import Variant
from comptoir.fulfillment.stock_sheet import export_stock_sheet
from comptoir.inventory.models import MovementReason, StockMovement, StockRecord
from tests.factories import UserFactory, VariantFactory

pytestmark = pytest.mark.django_db


def sheet(*rows: str) -> bytes:
    return ("\r\n".join(["sku;produit;options;prix_ttc;stock;emplacement", *rows]) + "\r\n").encode(
        "utf-8-sig"
    )


@pytest.fixture
def variants():
    first = VariantFactory(sku="OX-40", on_hand=5)
    second = VariantFactory(sku="OX-41", on_hand=3)
    StockRecord.objects.filter(variant=second).update(reserved=2)
    return first, second


def test_the_export_lists_every_variant_with_its_stock(variants):
    lines = export_stock_sheet().decode("utf-8-sig").splitlines()
    assert lines[0] == "sku;produit;options;prix_ttc;stock;emplacement"
    assert [line.split(";")[0] for line in lines[1:]] == ["OX-40", "OX-41"]


def test_the_cockpit_previews_then_imports(client, variants):
    owner = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(owner)
    upload = SimpleUploadedFile("s.csv", sheet("OX-40;;;89,00;12;A-03", "OX-41;;;;3;"))
    preview = client.post("/fr/atelier/stock/tableur/", {"sheet": upload}).content.decode()
    assert "5 → 12" in preview and "Confirmer l" in preview
    assert StockRecord.objects.get(variant__sku="OX-40").on_hand == 5  # nothing written yet
    content = preview.split('name="content" value="')[1].split('"')[0]
    client.post("/fr/atelier/stock/tableur/", {"content": content, "confirm": "1"})
    record = StockRecord.objects.get(variant__sku="OX-40")
    assert (record.on_hand, record.location) == (12, "A-03")
    assert Variant.objects.get(sku="OX-40").retail_price == Decimal("89.00")
    movement = StockMovement.objects.get(variant__sku="OX-40")
    assert (movement.change, movement.on_hand_after, movement.reason, movement.actor) == (
        7,
        12,
        MovementReason.IMPORT,
        owner,
    )
    assert not StockMovement.objects.filter(variant__sku="OX-41").exists()  # its count did not change


def test_every_bad_row_is_named_and_nothing_is_written(client, variants):
    VariantFactory(sku="OX-42", on_hand=1)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    upload = SimpleUploadedFile(
        "s.csv", sheet("OX-40;;;89.00;12;", "NOPE;;;;1;", "OX-41;;;;1;", "OX-40;;;;2;", "OX-42;;;-5;x;")
    )
    page = (
        client.post("/fr/atelier/stock/tableur/", {"sheet": upload}).content.decode().replace("&#x27;", "'")
    )
    assert "Ligne 3 : référence « NOPE » inconnue." in page
    assert "Ligne 4 : OX-41 a 2 pièce(s) réservée(s) par des commandes : stock 1 impossible." in page
    assert "Ligne 5 : la référence OX-40 apparaît deux fois." in page
    assert "Ligne 6 : prix « -5 » invalide." in page
    assert StockRecord.objects.get(variant__sku="OX-40").on_hand == 5


def test_the_command_imports_with_a_progress_bar(tmp_path, variants, capsys):
    path = tmp_path / "stock.csv"
    path.write_bytes(sheet("OX-40;;;;7;B-01"))
    call_command("import_stock", str(path))
    assert "[##############################] 1/1" in capsys.readouterr().out
    assert StockRecord.objects.get(variant__sku="OX-40").on_hand == 7
    path.write_bytes(sheet("OX-40;;;;abc;"))
    with pytest.raises(CommandError, match="stock « abc » invalide"):
        call_command("import_stock", str(path))


def test_packing_staff_cannot_touch_prices(client):
    from tests.backoffice.conftest import packer_user

    client.force_login(packer_user())
    assert client.get("/fr/atelier/stock/tableur/").status_code == 403
