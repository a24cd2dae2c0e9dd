"""Links in emails point at the shop's public address, never at the port the process happens to serve."""

import json

from tests.config.test_settings import STRONG_KEY, run_settings

READ = (
    "from comptoir.notifications.founder import absolute_url\n"
    "import json\n"
    "print(json.dumps({'link': absolute_url('/fr/commande/x/'),"
    " 'sender': settings.DEFAULT_FROM_EMAIL, 'issuer': settings.OTP_TOTP_ISSUER}))"
)


def read(environment: dict[str, str]) -> dict[str, str]:
    result = run_settings({"COMPTOIR_PUBLIC_URL": "", "DEFAULT_FROM_EMAIL": "", **environment}, READ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_links_use_the_configured_public_address_whatever_port_is_served():
    seen = read({"PORT": "8123", "COMPTOIR_PUBLIC_URL": "https://chemises-roses.example"})
    assert seen["link"] == "https://chemises-roses.example/fr/commande/x/"


def test_without_a_public_address_the_demo_links_to_the_port_it_serves():
    assert read({"PORT": "8123"})["link"] == "http://127.0.0.1:8123/fr/commande/x/"


def test_in_production_without_a_public_address_links_go_to_the_shops_host_over_https():
    seen = read(
        {
            "COMPTOIR_ENV": "production",
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "chemises-roses.example,www.x",
        }
    )
    assert seen["link"] == "https://chemises-roses.example/fr/commande/x/"


def test_emails_and_the_authenticator_carry_the_brands_name_not_comptoirs():
    seen = read({"SHOP_NAME": "Chemises Roses"})
    assert seen["sender"] == "Chemises Roses <boutique@comptoir.example>"
    assert seen["issuer"] == "Chemises Roses"
    explicit = read(
        {"SHOP_NAME": "Chemises Roses", "DEFAULT_FROM_EMAIL": "Chemises Roses <bonjour@roses.example>"}
    )
    assert explicit["sender"] == "Chemises Roses <bonjour@roses.example>"
