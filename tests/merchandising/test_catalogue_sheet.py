"""The catalogue as a spreadsheet: exported, previewed row by row, imported all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from comptoir.catalog.models import Product, ProductStatus, Variant
from comptoir.inventory.models import MovementReason, StockMovement, StockRecord
from comptoir.merchandising.catalogue_sheet import export_catalogue_sheet
from tests.factories import (
    ColourFactory,
    FitFactory,
    ProductFactory,
    SizeFactory,
    UserFactory,
    VariantFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "produit;nom;nom_en;prix_ttc;tva;sku;ean13;taille;couleur;coupe;poids_g;" + (
    "prix_variante_ttc;stock;emplacement"
)


def sheet(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig")


@pytest.fixture
def shop():
    product = ProductFactory(
        name_fr="Chemise Oxford", slug_fr="chemise-oxford", retail_price=Decimal("95.00")
    )
    size_39, size_40 = SizeFactory(label="39"), SizeFactory(label="40")
    colour, fit = ColourFactory(name_fr="Blanc"), FitFactory(name_fr="Droite")
    first = VariantFactory(product=product, sku="OX-39", size=size_39, colour=colour, fit=fit, on_hand=5)
    second = VariantFactory(product=product, sku="OX-40", size=size_40, colour=colour, fit=fit, on_hand=3)
    StockRecord.objects.filter(variant=second).update(reserved=2)
    return first, second


@pytest.fixture
def owner(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_the_export_has_one_row_per_variant_with_its_product_price_and_shelf(shop):
    lines = export_catalogue_sheet().decode("utf-8-sig").split("\r\n")
    assert lines[0] == HEADER
    first = lines[1].split(";")
    assert first[0] == "chemise-oxford" and first[1] == "Chemise Oxford" and first[3] == "95,00"
    assert (first[5], first[7], first[8], first[9], first[12]) == ("OX-39", "39", "Blanc", "Droite", "5")


def test_the_cockpit_previews_every_change_then_imports_all_of_it(client, owner, shop):
    rows = (
        "chemise-oxford;;;;;OX-39;;39;Blanc;Droite;;89,00;12;A-03",
        "chemise-oxford;;;;;OX-40;;40;Blanc;Droite;;;3;",
        "chemise-lin;Chemise en lin;Linen shirt;120,00;20;LIN-39;;39;Blanc;Droite;260;;4;B-01",
    )
    preview = client.post("/fr/atelier/stock/tableur/", {"sheet": SimpleUploadedFile("c.csv", sheet(*rows))})
    page = preview.content.decode()
    assert "OX-39 : stock 5 → 12" in page and "OX-39 : prix — → 89,00" in page
    assert "chemise-lin : nouveau produit (brouillon)" in page and "LIN-39 : nouvelle variante" in page
    assert "OX-40" not in page.split("bo-changes", 1)[1].split("</ul>", 1)[0]  # unchanged rows say nothing
    assert not Product.objects.filter(slug_fr="chemise-lin").exists()  # the preview wrote nothing
    assert StockRecord.objects.get(variant__sku="OX-39").on_hand == 5

    content = page.split('name="content" value="')[1].split('"')[0]
    client.post("/fr/atelier/stock/tableur/", {"content": content, "confirm": "1"})
    record = StockRecord.objects.get(variant__sku="OX-39")
    assert (record.on_hand, record.location) == (12, "A-03")
    assert Variant.objects.get(sku="OX-39").retail_price == Decimal("89.00")
    linen = Product.objects.get(slug_fr="chemise-lin")
    assert (linen.name_fr, linen.name_en, linen.status) == (
        "Chemise en lin",
        "Linen shirt",
        ProductStatus.DRAFT,
    )
    assert StockRecord.objects.get(variant__sku="LIN-39").on_hand == 4
    movement = StockMovement.objects.get(variant__sku="OX-39")
    assert (movement.change, movement.reason, movement.actor) == (7, MovementReason.IMPORT, owner)


def test_every_bad_row_is_named_and_nothing_is_written(client, owner, shop):
    rows = (
        "chemise-oxford;;;;;OX-39;;39;Blanc;Droite;;89,00;12;",  # fine, but the file is refused as a whole
        "chemise-oxford;;;;;OX-40;;40;Blanc;Droite;;;1;",  # 2 pieces are reserved
        "chemise-oxford;;;;;OX-41;1234;XXL;Rose;Droite;x;-5;1;",
        "chemise-neuve;;;;;NEW-1;;39;Blanc;Droite;;;1;",  # a new product needs a name and a price
    )
    page = client.post("/fr/atelier/stock/tableur/", {"sheet": SimpleUploadedFile("c.csv", sheet(*rows))})
    text = page.content.decode().replace("&#x27;", "'").replace("&laquo;", "«").replace("&raquo;", "»")
    assert "Rien n'a été importé" in text
    assert "Ligne 3 : stock : 2 pièce(s) réservée(s) par des commandes : stock 1 impossible." in text
    assert "Ligne 4 : taille : Taille « XXL » inconnue." in text
    assert "Ligne 4 : couleur : Couleur « Rose » inconnue." in text
    assert "Ligne 4 : poids_g : Poids « x » invalide." in text
    assert "Ligne 4 : prix_variante_ttc : « -5 » n'est pas un prix valable." in text
    assert "Ligne 4 : ean13 : « 1234 » n'est pas un code EAN-13 valide." in text
    assert (
        "Ligne 5 : produit : Nouveau produit « chemise-neuve » : le nom et le prix TTC sont requis." in text
    )
    assert StockRecord.objects.get(variant__sku="OX-39").on_hand == 5
    assert Variant.objects.get(sku="OX-39").retail_price is None
    assert not Variant.objects.filter(sku="OX-41").exists()


def test_a_file_without_the_key_columns_is_refused(client, owner, shop):
    upload = SimpleUploadedFile("c.csv", b"sku;stock\r\nOX-39;4\r\n")
    page = client.post("/fr/atelier/stock/tableur/", {"sheet": upload}).content.decode()
    assert "Colonnes manquantes : produit." in page


def test_the_command_imports_with_a_progress_bar_or_only_shows_with_dry_run(tmp_path, shop, capsys):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(sheet("chemise-oxford;;;;;OX-39;;39;Blanc;Droite;;;7;B-01"))
    call_command("import_catalogue", str(path), "--dry-run")
    assert "OX-39 : stock 5 → 7" in capsys.readouterr().out
    assert StockRecord.objects.get(variant__sku="OX-39").on_hand == 5
    call_command("import_catalogue", str(path))
    assert "[##############################] 1/1" in capsys.readouterr().out
    assert StockRecord.objects.get(variant__sku="OX-39").on_hand == 7
    path.write_bytes(sheet("chemise-oxford;;;;;OX-39;;39;Blanc;Droite;;;abc;"))
    with pytest.raises(CommandError, match="Stock « abc » invalide"):
        call_command("import_catalogue", str(path))


def test_packing_staff_cannot_touch_the_catalogue(client):
    from tests.backoffice.conftest import packer_user

    client.force_login(packer_user())
    assert client.get("/fr/atelier/stock/tableur/").status_code == 403


def test_a_price_changed_by_the_sheet_is_kept_in_the_price_history(client, owner, shop):
    from comptoir.pricing.models import RetailPriceRecord

    upload = SimpleUploadedFile("c.csv", sheet("chemise-oxford;;;;;OX-39;;39;Blanc;Droite;;89,00;;"))
    page = client.post("/fr/atelier/stock/tableur/", {"sheet": upload}).content.decode()
    content = page.split('name="content" value="')[1].split('"')[0]
    client.post("/fr/atelier/stock/tableur/", {"content": content, "confirm": "1"})
    prices = list(
        RetailPriceRecord.objects.filter(variant__sku="OX-39")
        .order_by("recorded_at", "id")
        .values_list("gross_price", flat=True)
    )
    assert prices[0] == Decimal("95.00") and prices[-1] == Decimal("89.00")
