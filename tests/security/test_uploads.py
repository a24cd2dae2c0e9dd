"""Uploads that are not what they claim, too large, or decompression bombs are refused with a clear
message, and nothing is written: product images in the admin, the catalogue sheet, ColiShip's export,
a reseller's quick-order file (one validator module: core/uploads.py)."""

from __future__ import annotations

import base64
import struct
import zlib
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comptoir.catalog.models import ProductImage, Variant
from comptoir.inventory.models import StockRecord
from comptoir.resellers.models import DraftOrderLine
from tests.admin_forms import change_form_data
from tests.backoffice.conftest import packer_user
from tests.factories import ProductFactory, UserFactory, VariantFactory, jpeg_bytes
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few hundred bytes whose header claims ``width`` x ``height`` pixels (a bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)  # four rows of zeros; the rest never arrives
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def files_in(folder) -> list[str]:
    return [str(path) for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def owner(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


# --- Product images in the admin -------------------------------------------------------------------


def add_image_in_admin(client, upload: SimpleUploadedFile):
    product = ProductFactory(retail_price=Decimal("95.00"))
    VariantFactory(product=product)
    path = f"/fr/admin/catalog/product/{product.pk}/change/"
    data = change_form_data(client.get(path))
    index = int(data["images-INITIAL_FORMS"])
    data["images-TOTAL_FORMS"] = str(max(int(data["images-TOTAL_FORMS"]), index + 1))
    prefix = f"images-{index}"
    data.update({f"{prefix}-image": upload, f"{prefix}-alt_text_fr": "De face", f"{prefix}-position": "0"})
    return client.post(path, data)


def image_errors(response) -> str:
    assert response.status_code == 200  # the form again, not a redirect: nothing saved
    return " ".join(
        str(error) for inline in response.context["inline_admin_formsets"] for error in inline.formset.errors
    )


def test_a_real_jpeg_is_accepted(client, owner, media):
    response = add_image_in_admin(client, SimpleUploadedFile("chemise.jpg", jpeg_bytes(), "image/jpeg"))
    assert response.status_code == 302
    assert ProductImage.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PDF, "Ce fichier n&#x27;est pas une image"),
        (HTML, "Ce fichier n&#x27;est pas une image"),
        (b"\x00" * 64, "Ce fichier n&#x27;est pas une image"),
    ],
    ids=["pdf", "html", "garbage"],
)
def test_a_file_renamed_jpg_that_is_not_an_image_is_refused(client, owner, media, content, message):
    response = add_image_in_admin(client, SimpleUploadedFile("chemise.jpg", content, "image/jpeg"))
    assert "pas une image" in image_errors(response)
    assert message in response.content.decode()
    assert ProductImage.objects.count() == 0 and files_in(media) == []


def test_a_png_named_jpg_is_refused_for_its_name(client, owner, media):
    png = png_claiming(8, 8)
    response = add_image_in_admin(client, SimpleUploadedFile("chemise.jpg", png, "image/jpeg"))
    assert "c&#x27;est une image PNG" in response.content.decode()
    assert ProductImage.objects.count() == 0 and files_in(media) == []


def test_a_too_large_image_is_refused(client, owner, media, settings):
    settings.COMPTOIR_MAX_IMAGE_BYTES = 2_000
    response = add_image_in_admin(client, SimpleUploadedFile("chemise.jpg", jpeg_bytes(), "image/jpeg"))
    assert "trop lourd" in image_errors(response)
    assert ProductImage.objects.count() == 0 and files_in(media) == []


@pytest.mark.parametrize(
    ("width", "height"), [(30_000, 30_000), (8_000, 6_000)], ids=["past-pillow-limit", "past-ours"]
)
def test_a_decompression_bomb_is_refused_from_its_header(client, owner, media, width, height):
    bomb = png_claiming(width, height)
    assert len(bomb) < 2_000
    response = add_image_in_admin(client, SimpleUploadedFile("chemise.png", bomb, "image/png"))
    assert "dimensions démesurées" in image_errors(response)
    assert ProductImage.objects.count() == 0 and files_in(media) == []


# --- The catalogue sheet and ColiShip's export (text files) ----------------------------------------

SHEET = "/fr/atelier/stock/tableur/"


@pytest.mark.parametrize(
    ("content", "message"),
    [(PDF, "c&#x27;est un fichier PDF"), (HTML, "une page web (HTML)"), (b"PK\x03\x04rest", "ZIP / Excel")],
    ids=["pdf", "html", "zip"],
)
def test_the_catalogue_sheet_refuses_a_file_that_is_not_text(client, owner, content, message):
    variant = VariantFactory(on_hand=3)
    response = client.post(SHEET, {"sheet": SimpleUploadedFile("catalogue.csv", content, "text/csv")})
    page = response.content.decode()
    assert message in page and "Rien n'a été importé" in page
    # Sent back as if previewed (the hidden field): checked again, and still nothing written.
    encoded = base64.b64encode(content).decode()
    confirmed = client.post(SHEET, {"content": encoded, "confirm": "1"}).content.decode()
    assert message in confirmed
    assert Variant.objects.count() == 1 and StockRecord.objects.get(variant=variant).on_hand == 3


def test_the_catalogue_sheet_refuses_a_too_large_file(client, owner, settings):
    settings.COMPTOIR_MAX_SHEET_BYTES = 1_000
    content = b"slug;nom\r\n" + b"chemise;Chemise\r\n" * 100
    response = client.post(SHEET, {"sheet": SimpleUploadedFile("catalogue.csv", content, "text/csv")})
    assert "trop lourd" in response.content.decode()


def test_coliship_export_that_is_a_pdf_is_refused(client):
    client.force_login(packer_user())
    upload = SimpleUploadedFile("export.csv", PDF, "text/csv")
    response = client.post("/fr/atelier/a-expedier/", {"export": upload})
    assert "c&#x27;est un fichier PDF" in response.content.decode()


# --- A reseller's quick-order file -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [(PDF, "c&#x27;est un fichier PDF"), (HTML, "une page web (HTML)")],
    ids=["pdf", "html"],
)
def test_the_quick_order_refuses_a_file_that_is_not_text(client, content, message):
    PriceListFactory()
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    upload = SimpleUploadedFile("commande.csv", content, "text/csv")
    response = client.post("/fr/pro/commande/rapide/", {"lines": "", "file": upload})
    assert message in response.content.decode()
    assert DraftOrderLine.objects.count() == 0


def test_the_quick_order_refuses_a_too_large_file(client, settings):
    settings.COMPTOIR_MAX_SHEET_BYTES = 1_000
    PriceListFactory()
    client.force_login(BuyerFactory().user)
    upload = SimpleUploadedFile("commande.csv", b"OX-BL-S 2\r\n" * 200, "text/csv")
    response = client.post("/fr/pro/commande/rapide/", {"lines": "", "file": upload})
    assert "trop lourd" in response.content.decode()
    assert DraftOrderLine.objects.count() == 0
