"""A shop applies, the founder approves it, the buyer chooses a password and fills a size run on the grid."""

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from comptoir.orders.models import Order
from tests.factories import ColourFactory, ProductFactory, SizeFactory, UserFactory, VariantFactory
from tests.factories.resellers import PriceListFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_get_approved_set_a_password_and_fill_the_grid(
    live_server, browser, screenshots_dir, mailoutbox
):
    PriceListFactory(coefficient=Decimal("2.2"), rounding="0.10")
    product = ProductFactory(
        name_fr="Chemise Oxford", slug_fr="chemise-oxford", retail_price=Decimal("120.00")
    )
    sizes = [SizeFactory(label=label) for label in ("S", "M", "L", "XL")]
    colours = [ColourFactory(name_fr=name) for name in ("Blanc", "Bleu ciel")]
    for colour in colours:
        for size in sizes:
            VariantFactory(product=product, size=size, colour=colour, on_hand=0 if size.label == "XL" else 12)
    founder = UserFactory(email="fondatrice@example.com", is_staff=True, is_superuser=True)
    founder.set_password("un-mot-de-passe-solide")
    founder.save()

    shop = browser.new_page(viewport={"width": 390, "height": 844})
    shop.goto(f"{live_server.url}/fr/")
    shop.get_by_role("link", name="Espace revendeurs").click()
    shop.locator("[name='shop_name']").fill("La Mercerie")
    shop.locator("[name='legal_name']").fill("La Mercerie Lyonnaise SARL")
    shop.locator("[name='company_number']").fill("732 829 321")  # one digit wrong
    shop.locator("[name='vat_number']").fill("FR40303265045")
    shop.locator("[name='line1']").fill("12 rue Mercière")
    shop.locator("[name='postcode']").fill("69002")
    shop.locator("[name='city']").fill("Lyon")
    shop.locator("[name='first_name']").fill("Claire")
    shop.locator("[name='last_name']").fill("Martin")
    shop.locator("[name='email']").fill("claire@mercerie.example")
    shop.get_by_role("button", name="Envoyer ma demande").click()
    shop.get_by_text("n'est ni un SIREN ni un SIRET valide").wait_for()
    assert shop.locator("[name='legal_name']").input_value() == "La Mercerie Lyonnaise SARL"
    shop.screenshot(path=str(screenshots_dir / "reseller-1-apply-error-phone.png"), full_page=True)
    shop.locator("[name='company_number']").fill("732 829 320")
    shop.get_by_role("button", name="Envoyer ma demande").click()
    shop.get_by_text("Merci, votre demande est bien arrivée").wait_for()
    assert mailoutbox[-1].to == ["fondatrice@example.com"]

    admin = browser.new_page(viewport={"width": 1280, "height": 900})
    admin.goto(f"{live_server.url}/fr/admin/login/?next=/fr/admin/resellers/resellerapplication/")
    admin.locator("[name='username']").fill("fondatrice@example.com")
    admin.locator("[name='password']").fill("un-mot-de-passe-solide")
    admin.locator("[type='submit']").click()
    admin.wait_for_url("**/admin/resellers/resellerapplication/")
    admin.get_by_role("link", name="Accepter").click()
    admin.locator("[name='payment_terms']").select_option("net_30")
    admin.locator("[name='message']").fill("Ravie de vous compter parmi nos revendeurs.")
    admin.screenshot(path=str(screenshots_dir / "reseller-2-approve-desktop.png"))
    admin.get_by_role("button", name="Accepter et envoyer").click()
    admin.get_by_text("Demande acceptée").wait_for()

    welcome = mailoutbox[-1]
    assert welcome.to == ["claire@mercerie.example"]
    link = re.search(r"https?://\S+/pro/mot-de-passe/\S+/", welcome.body).group(0)
    buyer = browser.new_page(viewport={"width": 1280, "height": 900})
    buyer.goto(live_server.url + urlsplit(link).path)
    buyer.locator("[name='new_password1']").fill("Un-mot-de-passe-solide-42")
    buyer.locator("[name='new_password2']").fill("Un-mot-de-passe-solide-42")
    buyer.get_by_role("button", name="Enregistrer et entrer").click()
    buyer.get_by_text("Bienvenue dans votre espace").wait_for()
    buyer.get_by_role("link", name="Catalogue").first.click()
    buyer.get_by_role("link", name="Chemise Oxford").click()
    # 120 TTC / 1.2 / 2.2 = 45.45… → 45,50 € HT to 10 cents
    assert "45,50" in buyer.locator("main").inner_text()
    inputs = buyer.locator("input.portal-grid__input:not([disabled])")
    for index, quantity in enumerate(["1", "2", "2", "1", "1", "2"]):
        inputs.nth(index).fill(quantity)
    buyer.screenshot(path=str(screenshots_dir / "reseller-3-grid-desktop.png"), full_page=True)
    buyer.get_by_role("button", name="Mettre à jour ma commande").click()
    buyer.wait_for_url("**/pro/commande/")
    assert "9" in buyer.locator("tfoot").inner_text()
    buyer.screenshot(path=str(screenshots_dir / "reseller-4-draft-desktop.png"), full_page=True)

    # Ordering on terms needs the shop's own purchase-order reference.
    buyer.get_by_role("button", name="Commander").click()
    buyer.wait_for_url("**/pro/commande/")
    assert Order.objects.count() == 0
    buyer.locator("[name='purchase_order_reference']").fill("BC-2026-017")
    buyer.get_by_role("button", name="Commander").click()
    buyer.get_by_text("enregistrée. Merci").wait_for()
    order = Order.objects.get()
    assert order.company.shop_name == "La Mercerie"
    assert order.payment_terms == "net_30"
    page_text = buyer.locator("main").inner_text()
    assert "BC-2026-017" in page_text
    assert "30 jours net" in page_text
    assert "échéance le" in page_text
    assert "payable à échéance" in page_text
    buyer.screenshot(path=str(screenshots_dir / "reseller-5-order-desktop.png"), full_page=True)
    confirmation = mailoutbox[-1]
    assert confirmation.to == ["claire@mercerie.example"]
    assert "BC-2026-017" in confirmation.body
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.context.add_cookies(buyer.context.cookies())
    phone.goto(f"{live_server.url}/fr/pro/commandes/")
    assert order.number in phone.locator("main").inner_text()
    phone.screenshot(path=str(screenshots_dir / "reseller-6-orders-phone.png"), full_page=True)
