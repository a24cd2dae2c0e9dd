"""« Prévenez-moi »: a sold-out size takes an address and writes once when the size is back."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from comptoir.inventory.models import StockRecord
from comptoir.marketing.models import StockAlert
from comptoir.marketing.services.stock_alerts import send_back_in_stock_alerts
from tests.factories import ColourFactory, ProductFactory, SizeFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sold_out():
    product = ProductFactory(name_fr="Chemise Oxford", name_en="Oxford shirt", slug_fr="chemise-oxford")
    return VariantFactory(
        product=product,
        colour=ColourFactory(name_fr="Bleu ciel"),
        size=SizeFactory(label="41", slug="col-41"),
        on_hand=0,
    )


def restock(variant, quantity: int) -> None:
    StockRecord.objects.filter(variant=variant).update(on_hand=quantity)


def test_a_sold_out_size_offers_the_alert_form(client, sold_out):
    page = client.get("/fr/produits/chemise-oxford/?size=col-41").content.decode()
    assert "Prévenez-moi de son retour" in page
    assert f'name="variant" value="{sold_out.pk}"' in page
    assert "Ajouter au panier" not in page


def test_the_email_goes_once_when_the_size_is_back(
    client, sold_out, mailoutbox, django_capture_on_commit_callbacks
):
    response = client.post(
        reverse("storefront:stock_alert"), {"variant": sold_out.pk, "email": "Camille@Example.com"}
    )
    client.post(reverse("storefront:stock_alert"), {"variant": sold_out.pk, "email": "camille@example.com"})
    assert response.status_code == 302
    assert StockAlert.objects.get().email == "camille@example.com"  # asked twice: one alert

    assert send_back_in_stock_alerts() == 0  # still sold out: nothing sent
    restock(sold_out, 3)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_marketing_emails")
        call_command("send_marketing_emails")  # cron runs again: nothing twice

    [email] = mailoutbox
    assert email.to == ["camille@example.com"]
    assert email.subject == "De retour : Chemise Oxford (Bleu ciel / 41)"
    assert "/fr/produits/chemise-oxford/" in email.body
    assert "ne servira à rien d'autre" in email.body


def test_the_alert_is_written_in_the_visitor_language(
    client, sold_out, mailoutbox, django_capture_on_commit_callbacks
):
    client.post("/en/stock-alert/", {"variant": sold_out.pk, "email": "sam@example.com"})
    restock(sold_out, 1)
    with django_capture_on_commit_callbacks(execute=True):
        send_back_in_stock_alerts()
    assert mailoutbox[0].subject.startswith("Back in stock: Oxford shirt")


def test_a_bad_address_is_refused_next_to_the_field(client, sold_out):
    response = client.post(
        reverse("storefront:stock_alert"),
        {"variant": sold_out.pk, "email": "pas-une-adresse"},
        HTTP_HX_REQUEST="true",
    )
    assert "Saisissez une adresse e-mail valide." in response.content.decode()
    assert not StockAlert.objects.exists()
