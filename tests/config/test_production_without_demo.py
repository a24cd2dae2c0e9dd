"""A production shop runs without the demo app: checks, migrations and the main pages, with
``comptoir.demo`` out of INSTALLED_APPS and never imported."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STRONG_KEY = "k" * 20 + "-not-the-demo-key-" + "z" * 20
ROOT = Path(__file__).resolve().parents[2]

# What the test process sets (the browser tests' async flag, a developer's demo switches) is no shop's.
NOT_INHERITED = {
    "SECRET_KEY", "DEBUG", "COMPTOIR_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE", "COMPTOIR_DEMO_APP",
    "COMPTOIR_DEMO_PAYMENTS", "COMPTOIR_PAYMENT_PROVIDERS", "DATABASE_URL", "REDIS_URL",
}  # fmt: skip

SMOKE = r"""
import json
import sys

import django

django.setup()
from django.apps import apps
from django.core.management import get_commands
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import ProductFactory, VariantFactory

seen = {"installed": apps.is_installed("comptoir.demo"),
        "commands": sorted({"demo_shop", "large_catalogue"} & set(get_commands()))}
variant = VariantFactory(product=ProductFactory(slug_fr="chemise-de-production"), on_hand=4)
client = Client(HTTP_HOST="shop.example")
with translation.override("fr"):
    product_url = variant.product.get_absolute_url()
    cart_add = reverse("storefront:cart_add")
    pages = ["/fr/", "/en/", product_url, reverse("storefront:cart"), reverse("storefront:terms"),
             reverse("storefront:journal"), "/sitemap.xml", "/robots.txt", "/api/openapi.json",
             reverse("account_login"), "/fr/pro/", "/fr/atelier/"]
added = client.post(cart_add, {"variant": variant.pk, "quantity": "1"}, secure=True)
seen["cart_add"] = added.status_code
seen["pages"] = {url: client.get(url, secure=True).status_code for url in pages}
bag = client.get(reverse("storefront:cart"), secure=True).content.decode()
seen["bag_has_the_shirt"] = variant.product.name_fr in bag
seen["demo_imported"] = sorted(name for name in sys.modules if name.split(".")[:2] == ["comptoir", "demo"])
print(json.dumps(seen))
"""


def production(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    return env | {
        "DJANGO_SETTINGS_MODULE": "tests.config.production_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]),
        "COMPTOIR_ENV": "production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "shop.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}",
        "COMPTOIR_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


IS_INSTALLED = (
    "import django; django.setup(); from django.apps import apps; print(apps.is_installed('comptoir.demo'))"
)


def run(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("environment", "installed"),
    [
        ({"COMPTOIR_ENV": "demo"}, "True"),
        ({}, "False"),  # production
        ({"COMPTOIR_DEMO_APP": "1"}, "True"),  # production settings filled with the demo (run-scaled)
    ],
)
def test_the_demo_app_is_in_the_demo_and_out_of_production_unless_asked_for(tmp_path, environment, installed):
    env = production(tmp_path) | {"DJANGO_SETTINGS_MODULE": "comptoir.config.settings"} | environment
    if environment.get("COMPTOIR_ENV") == "demo":
        env = {key: value for key, value in env.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}

    result = run(env, "-c", IS_INSTALLED)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == installed


def test_a_production_shop_without_the_demo_app_checks_migrates_and_serves_its_pages(tmp_path):
    env = production(tmp_path)

    deploy = env | {"DJANGO_SETTINGS_MODULE": "comptoir.config.settings"}  # the real static storage too
    checked = run(deploy, "-m", "django", "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    migrated = run(env, "-m", "django", "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    demo_shop = run(env, "-m", "django", "demo_shop", "--without-images")
    assert demo_shop.returncode != 0
    assert "Unknown command: 'demo_shop'" in demo_shop.stderr

    smoke = run(env, "-c", SMOKE)

    assert smoke.returncode == 0, smoke.stderr
    seen = json.loads(smoke.stdout.splitlines()[-1])
    assert (seen["installed"], seen["commands"], seen["demo_imported"]) == (False, [], [])
    assert seen["cart_add"] in {200, 302}
    assert seen["bag_has_the_shirt"] is True
    assert seen["pages"] == {
        "/fr/": 200,
        "/en/": 200,
        "/fr/produits/chemise-de-production/": 200,
        "/fr/panier/": 200,
        "/fr/conditions-generales-de-vente/": 200,
        "/fr/journal/": 200,
        "/sitemap.xml": 200,
        "/robots.txt": 200,
        "/api/openapi.json": 200,
        "/fr/compte/login/": 200,
        "/fr/pro/": 302,  # to the sign-in page
        "/fr/atelier/": 302,  # to the staff sign-in page
    }
