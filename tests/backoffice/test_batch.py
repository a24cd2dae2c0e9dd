"""The cockpit: staff only; a batch moves paid orders to packed and offers every download."""

from __future__ import annotations

import pytest

from comptoir.orders.models import OrderEvent, OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import UserFactory
from tests.factories.payments import OrderFactory

pytestmark = pytest.mark.django_db

URLS = ["/fr/atelier/", "/fr/atelier/a-preparer/", "/fr/atelier/coliship.fmt"]


@pytest.mark.parametrize("url", URLS)
def test_only_staff_enter_the_cockpit(client, url):
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 302
    client.force_login(packer_user())
    assert client.get(url).status_code == 200


def test_packing_staff_pack_and_ship_but_see_no_money_and_change_no_price(client):
    from tests.factories import ProductFactory

    product = ProductFactory()
    client.force_login(packer_user())
    today = client.get("/fr/atelier/").content.decode()
    assert "virements attendus" not in today and "Données" not in today
    assert client.get("/fr/atelier/referencement/").status_code == 403
    # The admin is the owner's: packing staff are sent to its sign-in page (config/admin_site.py).
    for page in (f"/fr/admin/catalog/product/{product.pk}/change/", "/fr/admin/payments/payment/"):
        assert client.get(page)["Location"].startswith("/fr/admin/login/")
    client.force_login(UserFactory(is_staff=True))  # staff outside the group: no packing either
    assert client.get("/fr/atelier/a-preparer/").status_code == 403


def test_today_counts_the_work(client):
    OrderFactory(status=OrderStatus.PAID)
    OrderFactory(status=OrderStatus.PAID)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/fr/atelier/").content.decode()
    assert '<span class="bo-card__count">2</span><span>commandes boutique à préparer</span>' in page


def test_all_paid_orders_become_one_batch_packed_with_its_papers(client):
    founder = UserFactory(is_staff=True, is_superuser=True)
    paid = [OrderFactory(status=OrderStatus.PAID) for _ in range(3)]
    unpaid = OrderFactory(status=OrderStatus.PLACED)
    client.force_login(founder)

    response = client.post("/fr/atelier/a-preparer/", {"all": "1"})
    batch_url = response["Location"]
    for order in paid:
        order.refresh_from_db()
        assert order.status == OrderStatus.PACKED
        assert OrderEvent.objects.filter(order=order, to_status=OrderStatus.PACKED, actor=founder).exists()
    unpaid.refresh_from_db()
    assert unpaid.status == OrderStatus.PLACED

    page = client.get(batch_url).content.decode()
    for document in (
        "liste-de-prelevement.pdf",
        "bons-de-livraison.pdf",
        "coliship.csv",
        "mondial-relay.csv",
    ):
        assert document in page
        download = client.get(f"{batch_url}{document}")
        assert download.status_code == 200 and download.content
    assert client.get(f"{batch_url}inconnu.txt").status_code == 404


def test_choosing_nothing_says_so(client):
    client.force_login(packer_user())
    OrderFactory(status=OrderStatus.PAID)
    response = client.post("/fr/atelier/a-preparer/", {}, follow=True)
    assert "Choisissez au moins une commande." in response.content.decode()


def test_the_seo_audit_runs_from_the_cockpit(client):
    from comptoir.catalog.models import ProductImage
    from tests.factories import ProductFactory, ProductImageFactory, VariantFactory

    product = ProductFactory()
    VariantFactory(product=product)
    ProductImageFactory(product=product)
    ProductImage.objects.update(alt_text_fr="")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "Lancer l" in client.get("/fr/atelier/referencement/").content.decode()
    page = client.post("/fr/atelier/referencement/").content.decode()
    assert "Image sans texte alternatif" in page
    assert f"/fr/admin/catalog/product/{product.pk}/change/" in page
