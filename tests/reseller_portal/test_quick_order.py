"""Quick order: « SKU quantity » or « EAN-13 quantity » lines, every bad line named, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comptoir.inventory.models import StockRecord
from comptoir.resellers.models import DraftOrderLine
from comptoir.resellers.services.draft_orders import set_grid_quantities
from comptoir.resellers.services.quick_order import QuickOrderRefused, add_quick_order_lines
from tests.factories.resellers import BuyerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded(run):
    _price_list, product, variants = run
    variants[0].sku, variants[1].sku = "OX-BL-S", "OX-BL-M"
    variants[2].ean13 = "4006381333931"
    for variant in variants[:3]:
        variant.save()
    return product, variants


def draft():
    return dict(DraftOrderLine.objects.values_list("variant__sku", "quantity"))


def test_skus_and_ean13s_go_into_the_draft_adding_to_what_is_there(coded):
    product, variants = coded
    buyer = BuyerFactory()
    set_grid_quantities(buyer=buyer, product=product, quantities={variants[0].pk: 2})
    added = add_quick_order_lines(buyer=buyer, text="OX-BL-S 3\nox-bl-m;4\n\n4006381333931\t2\nOX-BL-M,1\n")
    assert (added.lines, added.pieces) == (3, 10)
    assert draft() == {"OX-BL-S": 5, "OX-BL-M": 5, variants[2].sku: 2}


def test_every_bad_line_is_named_and_nothing_is_added(coded):
    _product, variants = coded
    StockRecord.objects.filter(variant=variants[1]).update(on_hand=3)
    variants[0].is_active = False
    variants[0].save()
    buyer = BuyerFactory()
    with pytest.raises(QuickOrderRefused) as refusal:
        add_quick_order_lines(
            buyer=buyer,
            text="NOPE-1 2\nOX-BL-M deux\nOX-BL-S 1\n4006381333931 0\nOX-BL-M 4\n"
            "just-a-code\n4006381333932 1",
        )
    assert refusal.value.messages == [
        "Ligne 1 (« NOPE-1 2 ») : référence ou EAN inconnu.",
        "Ligne 2 (« OX-BL-M deux ») : quantité invalide.",
        "Ligne 3 (« OX-BL-S 1 ») : n'est plus en vente.",
        "Ligne 4 (« 4006381333931 0 ») : quantité invalide.",
        "Ligne 6 (« just-a-code ») : écrivez la référence puis la quantité.",
        "Ligne 7 (« 4006381333932 1 ») : référence ou EAN inconnu.",
        "OX-BL-M : 3 pièce(s) disponible(s), 4 demandée(s) avec la commande en préparation.",
    ]
    assert draft() == {}


def test_a_file_upload_from_the_page(client, coded):
    buyer = BuyerFactory()
    client.force_login(buyer.user)
    assert client.get("/fr/pro/commande/rapide/").status_code == 200
    upload = SimpleUploadedFile("commande.csv", "\ufeffOX-BL-S;2\r\nOX-BL-M;2\r\n".encode(), "text/csv")
    response = client.post("/fr/pro/commande/rapide/", {"lines": "", "file": upload})
    assert response.status_code == 302
    assert draft() == {"OX-BL-S": 2, "OX-BL-M": 2}


def test_the_page_keeps_the_text_and_names_the_bad_lines(client, coded):
    client.force_login(BuyerFactory().user)
    response = client.post("/fr/pro/commande/rapide/", {"lines": "OX-BL-S 2\nXX 1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ligne 2 (« XX 1 ») : référence ou EAN inconnu." in html
    assert "OX-BL-S 2" in html
    assert draft() == {}


def test_anonymous_visitors_are_sent_to_sign_in(client, coded):
    response = client.post("/fr/pro/commande/rapide/", {"lines": "OX-BL-S 2"})
    assert response.status_code == 302
    assert draft() == {}


def test_a_gift_card_is_refused_in_the_quick_order_and_the_grid(coded):
    from decimal import Decimal

    from comptoir.resellers.services.draft_orders import GridRefused
    from tests.factories import ProductFactory, VariantFactory

    card = VariantFactory(product=ProductFactory(is_gift_card=True, vat_rate=Decimal("0")), sku="CARTE-50")
    buyer = BuyerFactory()
    with pytest.raises(QuickOrderRefused) as refusal:
        add_quick_order_lines(buyer=buyer, text="OX-BL-S 1\nCARTE-50 2\n")
    assert refusal.value.messages == [
        "Ligne 2 (« CARTE-50 2 ») : une carte cadeau, réservée aux particuliers sur la boutique, "
        "ne se commande pas en gros."
    ]
    with pytest.raises(GridRefused) as grid_refusal:
        set_grid_quantities(buyer=buyer, product=card.product, quantities={card.pk: 2})
    assert grid_refusal.value.messages == [
        "Les cartes cadeaux sont réservées aux particuliers, sur la boutique : elles ne se commandent "
        "pas en gros."
    ]
    assert draft() == {}
