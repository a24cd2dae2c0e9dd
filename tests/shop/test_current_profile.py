"""The shop's identity: read from its row, the operator's environment variables winning, the cached
copy and the boutique's cached pages retired as soon as the row changes."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from comptoir.core.page_cache import pages_generation
from comptoir.shop.models import ShopProfile
from comptoir.shop.profile import CACHE_KEY, current_profile, masked_secret
from comptoir.shop.services.update_shop_profile import start_empty_profile, update_shop_profile

pytestmark = pytest.mark.django_db

ROSES = {
    "brand_name": "Chemises Roses",
    "sender_name": "Chemises Roses",
    "sender_email": "bonjour@roses.example",
    "public_url": "https://www.roses.example/",
    "shipper_company": "Roses SARL",
    "shipper_line1": "3 rue des Lilas",
    "shipper_postcode": "69001",
    "shipper_city": "Lyon",
    "shipper_country": "FR",
    "packaging_grams": 90,
}


def test_without_a_row_the_settings_speak(settings):
    settings.SHOP_NAME = "Maison Lavande"
    profile = current_profile()
    assert (profile.shop_name, profile.is_saved) == ("Maison Lavande", False)
    assert profile.shipper["line1"] == settings.COMPTOIR_SHIPPER["line1"]


def test_the_saved_row_is_what_every_app_reads(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    update_shop_profile(values=ROSES)
    profile = current_profile()
    assert profile.shop_name == "Chemises Roses"
    assert profile.from_email == "Chemises Roses <bonjour@roses.example>"
    assert profile.public_url == "https://www.roses.example"
    assert profile.link("/fr/") == "https://www.roses.example/fr/"
    assert (profile.shipper.company, profile.shipper["city"], profile.shipper.country) == (
        "Roses SARL",
        "Lyon",
        "FR",
    )
    assert profile.packaging_grams == 90


def test_an_empty_shop_shows_nothing_of_the_demo(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    start_empty_profile()
    profile = current_profile()
    assert profile.shop_name == ""
    assert profile.shipper.line1 == ""
    assert "Maison Lavande" not in profile.from_email
    assert profile.payment_providers == (
        "demo",
        "bank_transfer",
    )  # the demo provider only where settings offer it


def test_a_variable_the_operator_set_wins_over_the_row(settings):
    update_shop_profile(values=ROSES)
    settings.COMPTOIR_FROM_ENV = frozenset({"SHOP_NAME", "COMPTOIR_PUBLIC_URL", "COMPTOIR_SHIPPER_CITY"})
    settings.SHOP_NAME = "Nom de l'hébergeur"
    settings.COMPTOIR_PUBLIC_URL = "https://operateur.example"
    settings.COMPTOIR_SHIPPER = {**settings.COMPTOIR_SHIPPER, "city": "Marseille"}
    profile = current_profile()
    assert profile.shop_name == "Nom de l'hébergeur"
    assert profile.public_url == "https://operateur.example"
    assert profile.shipper.city == "Marseille"
    assert profile.shipper.line1 == "3 rue des Lilas"  # not set by the operator: the row's


def test_a_save_forgets_the_cached_row_and_retires_cached_pages(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    update_shop_profile(values=ROSES)
    assert current_profile().shop_name == "Chemises Roses"
    assert cache.get(CACHE_KEY) is not None
    before = pages_generation()
    update_shop_profile(values={"brand_name": "Roses & Fils"})
    assert pages_generation() > before
    assert current_profile().shop_name == "Roses & Fils"


def test_the_row_is_read_once_then_served_from_the_cache(django_assert_num_queries):
    update_shop_profile(values=ROSES)
    current_profile()
    with django_assert_num_queries(0):
        current_profile()
        current_profile()


def test_a_bad_value_writes_nothing():
    update_shop_profile(values=ROSES)
    with pytest.raises(ValidationError) as error:
        update_shop_profile(values={"brand_name": "Autre", "stripe_secret_key": "pk_live_123"})
    assert "stripe_secret_key" in error.value.message_dict
    assert ShopProfile.objects.get().brand_name == "Chemises Roses"


def test_payment_methods_follow_the_row(settings):
    settings.COMPTOIR_FROM_ENV = frozenset()
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["bank_transfer"]
    update_shop_profile(
        values={
            "stripe_enabled": True,
            "stripe_secret_key": "sk_live_abcdefgh1234",
            "stripe_webhook_secret": "whsec_zyxw9876",
        }
    )
    profile = current_profile()
    assert profile.payment_providers == ("stripe", "bank_transfer")
    assert profile.stripe_secret_key == "sk_live_abcdefgh1234"
    settings.COMPTOIR_FROM_ENV = frozenset({"COMPTOIR_PAYMENT_PROVIDERS", "STRIPE_SECRET_KEY"})
    settings.STRIPE_SECRET_KEY = "sk_test_operateur"
    assert current_profile().payment_providers == ("bank_transfer",)
    assert current_profile().stripe_secret_key == "sk_test_operateur"


def test_a_secret_shows_only_its_kind_and_last_four_characters():
    assert masked_secret("sk_live_51HxYzAbCdEf1234") == "sk_live_…1234"
    assert masked_secret("whsec_abcdefgh9876") == "whsec_…9876"
    assert masked_secret("") == ""
