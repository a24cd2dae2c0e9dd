"""Quantities typed by hand or forged, and addresses to go back to: nothing breaks, nothing goes below
zero or above the stock, no one is sent to another site."""

from __future__ import annotations

import pytest

from comptoir.cart.models import CartLine
from comptoir.resellers.models import DraftOrderLine
from tests.factories import UserFactory, VariantFactory
from tests.factories.resellers import BuyerFactory, PriceListFactory

pytestmark = pytest.mark.django_db

QUANTITIES = [
    "-1", "0", "-0", "1e9", "99999999999999999999999", "2147483648", "1.5", "0.5", "abc", "", " ",
    "NaN", "inf", "٣", "²", "1\x00", "<script>alert(1)</script>", "1; DROP TABLE cart_cartline",
]  # fmt: skip
OFFSITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    " //evil.example",
]
ARABIC_THREE = "٣"  # a digit all the same: Django reads it as 3, within the stock
LEFT_BLANK = {"0", "", " "}  # nothing ordered in that grid cell: no error to show


@pytest.mark.parametrize("quantity", QUANTITIES)
def test_a_hostile_quantity_never_breaks_the_cart_nor_passes_the_stock(client, quantity):
    variant = VariantFactory(on_hand=5)
    response = client.post("/fr/panier/ajouter/", {"variant": variant.pk, "quantity": quantity})
    assert response.status_code == 302
    expected = [(variant.pk, 3)] if quantity == ARABIC_THREE else []
    assert list(CartLine.objects.values_list("variant_id", "quantity")) == expected


@pytest.mark.parametrize("quantity", QUANTITIES)
def test_a_hostile_quantity_on_a_cart_line_keeps_it_sound(client, quantity):
    variant = VariantFactory(on_hand=5)
    client.post("/fr/panier/ajouter/", {"variant": variant.pk, "quantity": "2"})
    line = CartLine.objects.get()
    response = client.post(f"/fr/panier/lignes/{line.pk}/", {"quantity": quantity})
    assert response.status_code == 302
    expected = {"0": [], ARABIC_THREE: [(variant.pk, 3)]}.get(quantity, [(variant.pk, 2)])  # 0 removes it
    assert list(CartLine.objects.values_list("variant_id", "quantity")) == expected


def test_someone_elses_cart_line_cannot_be_touched(client):
    variant = VariantFactory(on_hand=5)
    client.post("/fr/panier/ajouter/", {"variant": variant.pk, "quantity": "2"})
    line = CartLine.objects.get()
    intruder = client.__class__()
    intruder.post(f"/fr/panier/lignes/{line.pk}/", {"quantity": "5"})
    intruder.post(f"/fr/panier/lignes/{line.pk}/", {"remove": "1"})
    assert CartLine.objects.get().quantity == 2


@pytest.mark.parametrize("quantity", QUANTITIES)
def test_a_hostile_quantity_in_the_reseller_grid_changes_nothing_or_stays_sound(client, quantity):
    PriceListFactory()
    variant = VariantFactory(on_hand=5)
    client.force_login(BuyerFactory().user)
    response = client.post(f"/fr/pro/catalogue/{variant.product.slug}/", {f"qty-{variant.pk}": quantity})
    sound = quantity in LEFT_BLANK or quantity == ARABIC_THREE
    assert response.status_code == (302 if sound else 400)  # 400: the grid shown again, the cell named
    expected = [(variant.pk, 3)] if quantity == ARABIC_THREE else []
    assert list(DraftOrderLine.objects.values_list("variant_id", "quantity")) == expected


@pytest.mark.parametrize("target", OFFSITE)
def test_the_cart_never_sends_anyone_to_another_site(client, target):
    response = client.post("/fr/panier/ajouter/", {"variant": "999999", "quantity": "1", "back": target})
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))


@pytest.mark.parametrize("target", OFFSITE)
def test_signing_in_never_sends_anyone_to_another_site(client, target):
    UserFactory(email="camille@example.com")
    response = client.post(
        f"/fr/compte/login/?next={target}",
        {"login": "camille@example.com", "password": "a-long-test-password", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))


@pytest.mark.parametrize("target", OFFSITE)
def test_switching_language_never_sends_anyone_to_another_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))


@pytest.mark.parametrize("value", ["²", "-1", "abc", "1.5", "99999999999999999999999"])
def test_a_hostile_variant_in_a_stock_alert_is_refused_politely(client, value):
    response = client.post("/fr/alerte-stock/", {"variant": value, "email": "camille@example.com"})
    assert response.status_code < 500
