"""The founder's morning: scan one order, pack the rest in a batch, download the papers, ship."""

from decimal import Decimal
from pathlib import Path

import pytest

from comptoir.inventory.services.reserve_stock import reserve_stock
from comptoir.inventory.stock_lines import StockLine
from comptoir.orders.models import OrderLine, OrderStatus
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.payments import OrderFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def paid_order(number: str, variant):
    order = OrderFactory(
        status=OrderStatus.PAID, with_line=False, number=number, customer_note="Sonnez deux fois"
    )
    OrderLine.objects.create(
        order=order, variant=variant, product_name=str(variant.product.name), options_label="Blanc / 40",
        sku=variant.sku, quantity=1, unit_gross=Decimal("95.00"), unit_net=Decimal("79.17"),
        vat_rate=Decimal("0.2"), total_gross=Decimal("95.00"), total_net=Decimal("79.17"),
    )  # fmt: skip
    reserve_stock(lines=[StockLine(variant_id=variant.pk, quantity=1)])  # as placing the order did
    return order


def test_from_paid_to_shipped(live_server, browser, screenshots_dir, mailoutbox):
    founder = UserFactory(email="fondatrice@example.com", is_staff=True, is_superuser=True)
    founder.set_password("un-mot-de-passe-solide")
    founder.save()
    variant = VariantFactory(
        product=ProductFactory(name_fr="Chemise Oxford"), on_hand=10, ean13="4006381333931"
    )
    scanned, *others = [paid_order(f"ML-26-00010{index}", variant) for index in range(3)]

    page = browser.new_page(viewport={"width": 1180, "height": 820})  # a tablet at the packing table
    page.goto(f"{live_server.url}/fr/admin/login/?next=/fr/atelier/")
    page.locator("[name='username']").fill("fondatrice@example.com")
    page.locator("[name='password']").fill("un-mot-de-passe-solide")
    page.locator("[type='submit']").click()
    page.wait_for_url("**/fr/atelier/")
    assert page.locator(".bo-card__count").first.inner_text().strip() == "3"  # three boutique orders to pack
    page.screenshot(path=str(screenshots_dir / "cockpit-1-today.png"))

    page.goto(f"{live_server.url}/fr/atelier/colis/{scanned.pk}/")
    page.locator("#scan-code").fill("9780201379624")  # not in this order
    page.locator("#scan-code").press("Enter")
    page.locator(".bo-alarm").wait_for()
    page.screenshot(path=str(screenshots_dir / "cockpit-2-wrong-item.png"))
    page.locator("#scan-code").fill("4006381333931")
    page.locator("#scan-code").press("Enter")
    page.get_by_text("1 / 1 ✓").wait_for()
    page.get_by_role("button", name="Marquer emballée").click()
    page.wait_for_url("**/a-preparer/")

    page.get_by_role("button", name="Tout préparer (2 commandes)").click()
    page.wait_for_url("**/lots/*/")
    page.screenshot(path=str(screenshots_dir / "cockpit-3-batch.png"))
    with page.expect_download() as download:
        page.get_by_role("link", name="coliship.csv").click()
    assert b"ML-26-000101" in Path(download.value.path()).read_bytes()
    for document in ("liste-de-prelevement.pdf", "bons-de-livraison.pdf"):
        response = page.request.get(f"{page.url}{document}")
        assert response.ok and response.body().startswith(b"%PDF")
        (screenshots_dir / f"cockpit-{document}").write_bytes(response.body())

    page.goto(f"{live_server.url}/fr/atelier/a-expedier/")
    page.locator(f"#tracking-{scanned.pk}").fill("6A12345678901")
    page.locator(f"#tracking-{scanned.pk}").press("Enter")
    page.get_by_text("ML-26-000100 expédiée").wait_for()
    page.screenshot(path=str(screenshots_dir / "cockpit-4-shipped.png"))
    scanned.refresh_from_db()
    assert scanned.status == OrderStatus.SHIPPED
    assert any("6A12345678901" in message.body for message in mailoutbox)
    for order in others:
        order.refresh_from_db()
        assert order.status == OrderStatus.PACKED
