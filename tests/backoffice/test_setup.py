"""The founder's guided setup: each step saved on its own, a bad value named and kept with nothing saved,
secrets never shown back, owner only."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from comptoir.invoicing.models import SellerSettings
from comptoir.invoicing.services.update_legal_identity import start_blank_identity
from comptoir.shop.models import ShopProfile
from comptoir.shop.profile import current_profile
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BRAND = {
    "brand_name": "Chemises Roses",
    "tagline": "Des chemises, à Lyon",
    "sender_name": "Chemises Roses",
    "sender_email": "bonjour@roses.example",
}
IDENTITY = {
    "legal_name": "Roses SARL",
    "legal_form": "SARL",
    "share_capital": "2000",
    "address": "3 rue des Lilas\n69001 Lyon",
    "siret": "732 829 320 00074",
    "rcs": "RCS Lyon",
    "vat_number": "FR 44 732829320",
    "publication_director": "Rose Dupont",
    "host_name": "Scalingo SAS",
    "host_address": "15 avenue du Rhin, 67100 Strasbourg",
    "mediator": "CM2C, 49 rue de Ponthieu, 75008 Paris, cm2c.net",
    "competent_court": "Tribunal des activités économiques de Lyon",
}
BANK = {
    "bank_holder": "Roses SARL",
    "iban": "FR14 2004 1010 0505 0001 3M02 606",
    "bic": "PSSTFRPPPAR",
    "default_payment_terms": "net_30",
    "late_payment_rate": "12.15",
    "invoice_footer": "",
}
SHIPPER = {
    "shipper_company": "Roses SARL",
    "shipper_line1": "3 rue des Lilas",
    "shipper_line2": "",
    "shipper_postcode": "69001",
    "shipper_city": "Lyon",
    "shipper_country": "FR",
    "shipper_email": "atelier@roses.example",
    "shipper_phone": "0478000000",
    "packaging_grams": "120",
}
ADDRESS = {"public_url": "https://www.roses.example"}


def url(step: str) -> str:
    return reverse(f"backoffice:setup_{step}")


@pytest.fixture
def owner(client, settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    start_blank_identity()  # a shop started without the demo
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_setup_opens_on_the_first_step_not_done(owner):
    assert owner.get(reverse("backoffice:setup"))["Location"] == url("brand")
    owner.post(url("brand"), BRAND)
    assert owner.get(reverse("backoffice:setup"))["Location"] == url("identity")


def test_the_brand_step_saves_the_name_and_the_sender(owner):
    response = owner.post(url("brand"), BRAND)
    entry = LogEntry.objects.get_for_model(ShopProfile).latest("timestamp")
    assert entry.changes_dict["brand_name"] == ["", "Chemises Roses"]  # journaled like any cockpit change
    assert response.status_code == 302
    assert response["Location"] == url("identity")
    profile = current_profile()
    assert (profile.shop_name, profile.tagline) == ("Chemises Roses", "Des chemises, à Lyon")
    assert profile.from_email == "Chemises Roses <bonjour@roses.example>"


@pytest.mark.parametrize(
    ("field", "value", "label", "message"),
    [
        ("brand_name", "", "Nom de la boutique", "Ce champ est obligatoire."),
        (
            "sender_email",
            "bonjour@",
            "Adresse d'envoi des e-mails",
            "Saisissez une adresse de courriel valide.",
        ),
        ("tagline", "x" * 201, "Phrase d'accroche", "au plus 200 caractères"),
    ],
)
def test_a_bad_brand_value_is_named_kept_and_nothing_saved(owner, field, value, label, message):
    response = owner.post(url("brand"), {**BRAND, field: value})
    text = page(response)
    assert response.status_code == 422
    assert "Rien n'a été enregistré." in text
    assert f"<strong>{label}</strong>" in text
    assert message in text
    assert 'value="Chemises Roses"' in text or field == "brand_name"  # what was typed stays
    assert ShopProfile.objects.get().brand_name == ""


def test_the_identity_step_saves_the_seller_and_the_legal_pages_together(owner):
    assert owner.post(url("identity"), IDENTITY).status_code == 302
    seller = SellerSettings.objects.get()
    assert (seller.legal_name, seller.siret, seller.vat_number) == (
        "Roses SARL",
        "73282932000074",
        "FR44732829320",
    )
    assert seller.share_capital == Decimal("2000.00")
    profile = current_profile()
    assert (profile.publication_director, profile.host_name) == ("Rose Dupont", "Scalingo SAS")
    assert profile.competent_court == "Tribunal des activités économiques de Lyon"


@pytest.mark.parametrize(
    ("field", "value", "label", "message"),
    [
        ("siret", "732 829 320 00075", "SIRET du siège", "n'est pas un SIRET valide"),
        ("vat_number", "FR00732829320", "Numéro de TVA intracommunautaire", "n'est pas un numéro de TVA"),
        ("legal_name", "", "Raison sociale", "Ce champ est obligatoire."),
        ("share_capital", "beaucoup", "Capital social (€)", "Saisissez un nombre."),
        ("address", "", "Adresse du siège", "Ce champ est obligatoire."),
        (
            "publication_director",
            "",
            "Directrice ou directeur de la publication",
            "Ce champ est obligatoire.",
        ),
        ("host_name", "", "Hébergeur du site", "Ce champ est obligatoire."),
        ("mediator", "", "Médiateur de la consommation", "Ce champ est obligatoire."),
    ],
)
def test_a_bad_identity_value_is_named_kept_and_nothing_saved_of_either_part(
    owner, field, value, label, message
):
    response = owner.post(url("identity"), {**IDENTITY, field: value})
    text = page(response)
    assert response.status_code == 422
    assert f"<strong>{label}</strong>" in text
    assert message in text
    kept = "Scalingo SAS" if field != "host_name" else "Roses SARL"
    assert f'value="{kept}"' in text
    if value:
        assert value in text
    assert SellerSettings.objects.get().legal_name == ""
    assert ShopProfile.objects.get().host_name == ""


def test_the_bank_step_checks_the_iban_and_bic(owner):
    response = owner.post(url("bank"), {**BANK, "iban": "FR14 2004 1010 0505 0001 3M02 607", "bic": "XX"})
    text = page(response)
    assert response.status_code == 422
    assert "<strong>IBAN</strong>" in text
    assert "<strong>BIC</strong>" in text
    assert 'value="FR14 2004 1010 0505 0001 3M02 607"' in text
    assert SellerSettings.objects.get().iban == ""
    assert owner.post(url("bank"), BANK).status_code == 302
    seller = SellerSettings.objects.get()
    assert (seller.iban, seller.bic, seller.bank_holder) == (
        "FR1420041010050500013M02606",
        "PSSTFRPPPAR",
        "Roses SARL",
    )


def test_the_bank_step_refuses_a_late_payment_rate_under_the_legal_floor(owner, settings):
    settings.COMPTOIR_LEGAL_INTEREST_RATE = "3.16"
    response = owner.post(url("bank"), {**BANK, "late_payment_rate": "9.47"})
    assert response.status_code == 422
    assert "9,48 % au minimum" in page(response)
    assert SellerSettings.objects.get().iban == ""


def test_the_shipper_step_feeds_the_profile(owner):
    assert owner.post(url("shipper"), SHIPPER).status_code == 302
    shipper = current_profile().shipper
    assert (shipper.company, shipper.line1, shipper.postcode, shipper.city) == (
        "Roses SARL",
        "3 rue des Lilas",
        "69001",
        "Lyon",
    )
    assert current_profile().packaging_grams == 120


@pytest.mark.parametrize(
    ("field", "value", "label", "message"),
    [
        ("shipper_line1", "", "Adresse", "Ce champ est obligatoire."),
        ("shipper_country", "XX", "Pays", "Sélectionnez un choix valide."),
        ("shipper_email", "atelier", "E-mail de l'atelier", "Saisissez une adresse de courriel valide."),
        ("packaging_grams", "-5", "Poids de l'emballage (g)", "supérieure ou égale à 0"),
        ("packaging_grams", "lourd", "Poids de l'emballage (g)", "Saisissez un nombre entier."),
    ],
)
def test_a_bad_shipper_value_is_named_kept_and_nothing_saved(owner, field, value, label, message):
    response = owner.post(url("shipper"), {**SHIPPER, field: value})
    text = page(response)
    assert response.status_code == 422
    assert f"<strong>{label}</strong>" in text
    assert message in text
    assert 'value="3 rue des Lilas"' in text or field == "shipper_line1"
    assert ShopProfile.objects.get().shipper_city == ""


def test_the_delivery_step_says_when_there_is_no_rate_then_lists_the_grid(owner):
    from comptoir.shipping.models import ShippingMethod, ShippingZone, WeightBand

    text = page(owner.get(url("delivery")))
    assert "Aucun tarif de livraison." in text
    zone = ShippingZone.objects.create(name="France", countries=["FR"])
    method = ShippingMethod.objects.create(
        zone=zone, name="Colissimo domicile", carrier="colissimo", vat_rate="0.20"
    )
    WeightBand.objects.create(method=method, max_weight_grams=1000, price=Decimal("6.90"))
    text = page(owner.get(url("delivery")))
    assert "Aucun tarif de livraison." not in text
    assert "Colissimo domicile" in text
    assert "jusqu'à 1000 g : 6,90 €" in text
    assert reverse("admin:shipping_shippingmethod_change", args=[method.pk]) in text


def test_stripe_keys_are_stored_never_shown_back_in_full_nor_journaled(owner):
    secret, webhook = "sk_live_51HxYzAbCdEfGhIj1234", "whsec_AbCdEfGhIjKl9876"
    response = owner.post(
        url("payments"),
        {
            "bank_transfer_enabled": "on",
            "stripe_enabled": "on",
            "stripe_secret_key": secret,
            "stripe_webhook_secret": webhook,
        },
    )
    assert response.status_code == 302
    assert current_profile().stripe_secret_key == secret
    assert current_profile().payment_providers[-2:] == ("stripe", "bank_transfer")
    text = page(owner.get(url("payments")))
    assert secret not in text and webhook not in text
    assert "sk_live_…1234" in text
    assert "Non vérifiée" in text
    # Saved again without retyping them: the secrets stay.
    assert (
        owner.post(url("payments"), {"bank_transfer_enabled": "on", "stripe_enabled": "on"}).status_code
        == 302
    )
    assert current_profile().stripe_webhook_secret == webhook
    entries = LogEntry.objects.get_for_model(ShopProfile)
    assert any("stripe_enabled" in entry.changes_dict for entry in entries)  # the change is journaled…
    journal = " ".join(str(entry.changes) for entry in LogEntry.objects.all())
    assert secret not in journal and webhook not in journal  # …never the secrets
    assert "1234" not in journal
    assert not any("stripe_secret_key" in entry.changes_dict for entry in entries)


def test_a_bad_stripe_key_is_named_and_not_echoed(owner):
    response = owner.post(
        url("payments"), {"bank_transfer_enabled": "on", "stripe_secret_key": "pk_live_oops"}
    )
    text = page(response)
    assert response.status_code == 422
    assert "<strong>Clé secrète Stripe</strong>" in text
    assert "pk_live_oops" not in text
    assert ShopProfile.objects.get().stripe_secret_key == ""


def test_card_payments_need_both_secrets(owner):
    response = owner.post(url("payments"), {"bank_transfer_enabled": "on", "stripe_enabled": "on"})
    assert response.status_code == 422
    assert "<strong>Paiement par carte (Stripe)</strong>" in page(response)
    assert ShopProfile.objects.get().stripe_enabled is False


def test_the_public_address_step(owner):
    response = owner.post(url("address"), {"public_url": "www.roses.example/boutique"})
    assert response.status_code == 422
    text = page(response)
    assert "<strong>Adresse publique de la boutique</strong>" in text
    assert 'value="www.roses.example/boutique"' in text
    assert ShopProfile.objects.get().public_url == ""
    response = owner.post(url("address"), ADDRESS)
    assert response["Location"] == reverse("backoffice:setup") + "?apercu"
    assert current_profile().public_url == "https://www.roses.example"


def test_every_step_done_shows_the_summary(owner):
    from comptoir.shipping.models import ShippingMethod, ShippingZone, WeightBand

    for step, values in (("brand", BRAND), ("identity", IDENTITY), ("bank", BANK), ("shipper", SHIPPER)):
        assert owner.post(url(step), values).status_code == 302, step
    owner.post(url("payments"), {"bank_transfer_enabled": "on"})
    owner.post(url("address"), ADDRESS)
    method = ShippingMethod.objects.create(
        zone=ShippingZone.objects.create(name="France", countries=["FR"]),
        name="Colissimo",
        carrier="colissimo",
        vat_rate="0.20",
    )
    WeightBand.objects.create(method=method, max_weight_grams=1000, price=Decimal("6.90"))
    response = owner.get(reverse("backoffice:setup"))
    assert response.status_code == 200
    assert page(response).count("Fait") == 7


def test_the_former_invoicing_page_leads_to_the_identity_step(owner):
    response = owner.get(reverse("backoffice:seller_settings"))
    assert (response.status_code, response["Location"]) == (301, url("identity"))


@pytest.mark.parametrize("step", ["brand", "identity", "bank", "shipper", "delivery", "payments", "address"])
def test_the_packing_team_gets_403_and_changes_nothing(client, step):
    start_blank_identity()
    client.force_login(packer_user())
    assert client.get(url(step)).status_code == 403
    assert client.post(url(step), {**BRAND, **IDENTITY, **BANK, **SHIPPER, **ADDRESS}).status_code == 403
    assert ShopProfile.objects.get().brand_name == ""
    assert SellerSettings.objects.get().legal_name == ""


def test_the_steps_speak_english_too(owner):
    from django.utils import translation

    with translation.override("en"):
        address = reverse("backoffice:setup_identity")
    response = owner.get(address, HTTP_ACCEPT_LANGUAGE="en")
    text = page(response)
    assert response.status_code == 200
    assert "Legal identity" in text
    assert "Step 2 of 7" in text


def test_a_number_is_checked_as_she_types_and_nothing_is_saved(owner):
    typed = {**BANK, "iban": "FR14 2004 1010 0505 0001 3M02 607", "_validate": "iban"}
    response = owner.post(url("bank"), typed, HTTP_HX_REQUEST="true")
    text = page(response)
    assert response.status_code == 200
    assert text.startswith('<div class="bo-field bo-field--error')
    assert "n'est pas un IBAN valide" in text
    assert 'value="FR14 2004 1010 0505 0001 3M02 607"' in text
    good = owner.post(url("bank"), {**typed, "iban": BANK["iban"]}, HTTP_HX_REQUEST="true")
    assert "bo-field--error" not in page(good)
    assert SellerSettings.objects.get().iban == ""  # checked, never saved
    assert '"_validate": "iban"' in page(owner.get(url("bank")))
