"""Production settings refuse the demo payment provider, which moves no money."""

import os
import subprocess
import sys

STRONG_KEY = "k" * 20 + "-not-the-demo-key-" + "z" * 20
NOT_INHERITED = {"SECRET_KEY", "DEBUG", "COMPTOIR_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE", "COMPTOIR_DEMO_PAYMENTS"}
PRODUCTION = {"COMPTOIR_ENV": "production", "SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "shop.example"}


def run_settings(environment: dict[str, str], code: str = "") -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env |= {"DJANGO_SETTINGS_MODULE": "comptoir.config.settings", **environment}
    script = "import django; django.setup(); from django.conf import settings\n" + code
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )


def test_production_refuses_demo_payments():
    result = run_settings(PRODUCTION | {"COMPTOIR_DEMO_PAYMENTS": "true"})

    assert result.returncode != 0
    assert "COMPTOIR_DEMO_PAYMENTS" in result.stderr


def test_production_refuses_the_demo_provider_in_the_list():
    result = run_settings(PRODUCTION | {"COMPTOIR_PAYMENT_PROVIDERS": "stripe,demo"})

    assert result.returncode != 0
    assert "demo payment provider" in result.stderr


def test_production_offers_no_demo_by_default():
    code = (
        "from comptoir.payments.providers.registry import enabled_codes\n"
        "print(settings.COMPTOIR_DEMO_PAYMENTS, enabled_codes())"
    )
    result = run_settings(PRODUCTION, code)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['bank_transfer']"


def test_the_demo_offers_the_demo_provider():
    code = "from comptoir.payments.providers.registry import enabled_codes\nprint(enabled_codes())"
    result = run_settings({"COMPTOIR_ENV": "demo"}, code)

    assert result.stdout.strip() == "['demo', 'bank_transfer']"
