"""``manage.py start_shop``: the real shop on an empty database — her account, no demo, shop closed."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from comptoir.catalog.models import Product
from comptoir.golive.models import DemoRow, LaunchState
from comptoir.golive.services.demo_rows import recording_demo_rows
from comptoir.golive.services.launch import shop_is_open
from comptoir.golive.services.start_shop import start_shop
from comptoir.orders.models import Order
from tests.factories import ProductFactory, UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db


def test_start_shop_creates_the_founder_with_her_password_and_nothing_of_the_demo():
    started = start_shop(email="Jeanne@Atelier-Orme.fr", password="un mot de passe solide 42")

    founder = get_user_model().objects.get()
    assert (founder.email, founder.is_staff, founder.is_superuser) == ("jeanne@atelier-orme.fr", True, True)
    assert founder.check_password("un mot de passe solide 42")
    assert started.set_password_link == ""
    assert (Product.objects.count(), Order.objects.count(), DemoRow.objects.count()) == (0, 0, 0)
    assert LaunchState.objects.get().is_open is False
    assert shop_is_open() is False


def test_without_a_password_it_prints_a_one_time_link_on_the_public_address(settings, client):
    settings.COMPTOIR_PUBLIC_URL = "https://atelier-orme.fr"
    out = StringIO()

    call_command("start_shop", "--email", "jeanne@atelier-orme.fr", "--no-input", stdout=out)

    founder = get_user_model().objects.get()
    assert not founder.has_usable_password()
    link = next(line.strip() for line in out.getvalue().splitlines() if "https://" in line)
    assert link.startswith("https://atelier-orme.fr/fr/compte/password/reset/key/")
    path = urlsplit(link).path
    page = client.get(path, follow=True)
    assert page.status_code == 200
    form_path = page.redirect_chain[-1][0] if page.redirect_chain else path
    client.post(
        form_path, {"password1": "un mot de passe solide 42", "password2": "un mot de passe solide 42"}
    )
    founder.refresh_from_db()
    assert founder.check_password("un mot de passe solide 42")
    # Used once: the same link no longer sets anything.
    again = client.get(path, follow=True)
    assert "password1" not in again.content.decode()


@pytest.mark.parametrize("existing", ["order", "demo_row", "owner"])
def test_it_refuses_a_database_that_holds_a_shop_and_changes_nothing(existing):
    if existing == "order":
        OrderFactory()
    elif existing == "demo_row":
        with recording_demo_rows():
            ProductFactory()
    else:
        UserFactory(is_staff=True, is_superuser=True, email="deja@atelier.fr")
    users_before = get_user_model().objects.count()

    with pytest.raises(CommandError, match="contient déjà une boutique"):
        call_command("start_shop", "--email", "jeanne@atelier-orme.fr", "--no-input", stdout=StringIO())

    assert get_user_model().objects.count() == users_before
    assert not LaunchState.objects.exists()


def test_if_new_does_nothing_on_a_started_shop():
    start_shop(email="jeanne@atelier-orme.fr", password=None)
    out = StringIO()

    call_command("start_shop", "--if-new", "--email", "autre@atelier-orme.fr", "--no-input", stdout=out)

    assert "déjà créée" in out.getvalue()
    assert list(get_user_model().objects.values_list("email", flat=True)) == ["jeanne@atelier-orme.fr"]


def test_a_weak_password_is_refused_and_no_account_is_made():
    with pytest.raises(Exception, match=r"(?i)court|commun|short|common"):
        start_shop(email="jeanne@atelier-orme.fr", password="1234")
    assert not get_user_model().objects.exists()


def test_in_a_terminal_it_asks_her_email_and_password_twice(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "jeanne@atelier-orme.fr")
    strong = "un mot de passe solide 42"
    typed = iter([strong, "autre chose", strong, strong])
    monkeypatch.setattr("comptoir.golive.management.commands.start_shop.getpass", lambda prompt: next(typed))
    out, err = StringIO(), StringIO()

    call_command("start_shop", stdout=out, stderr=err)

    founder = get_user_model().objects.get()
    assert founder.email == "jeanne@atelier-orme.fr" and founder.check_password("un mot de passe solide 42")
    assert "diffèrent" in err.getvalue()  # the first two did not match: asked again
    assert "https://" not in out.getvalue() and "/fr/atelier/ouverture/" in out.getvalue()
