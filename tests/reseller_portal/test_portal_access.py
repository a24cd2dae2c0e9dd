"""Nobody but a buyer of an active approved company ever sees a wholesale figure, on any portal page."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.core.money import Money, format_money
from comptoir.resellers.models import ApiKey
from comptoir.resellers.services.api_keys import create_api_key
from comptoir.resellers.services.draft_orders import set_grid_quantities
from comptoir.shop.profile import current_profile
from tests.factories import ProductFactory, UserFactory, VariantFactory
from tests.factories.resellers import (
    BuyerFactory,
    PriceListFactory,
    PriceListItemFactory,
    ResellerApplicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    price_list = PriceListFactory(coefficient=Decimal("2.5"))
    product = ProductFactory(retail_price=Decimal("120.00"), slug_fr="chemise-oxford", slug_en="oxford-shirt")
    listed = VariantFactory(product=product)
    VariantFactory(product=product)
    PriceListItemFactory(price_list=price_list, variant=listed, net_price=Decimal("43.21"))
    # A company's placed order: its page carries wholesale figures too, and must show them to no one else.
    buyer = BuyerFactory()
    set_grid_quantities(
        buyer=buyer, product=product, quantities={variant.pk: 1 for variant in product.variants.all()}
    )
    [order] = place_reseller_order(
        buyer=buyer, purchase_order_reference="PO", idempotency_key="k", language="fr"
    )
    product.order_number = order.number
    return product


def wholesale_figures():
    # 120 TTC / 1.2 / 2.5 = 40.00 HT; the explicit item 43.21 HT
    return [format_money(Money(Decimal("40.00"))), format_money(Money(Decimal("43.21"))), "43,21", "43.21"]


def portal_pages(product):
    return [
        "/fr/pro/",
        "/fr/pro/catalogue/",
        f"/fr/pro/catalogue/{product.slug}/",
        "/fr/pro/commande/",
        "/fr/pro/commandes/",
        f"/fr/pro/commandes/{product.order_number}/",
        "/fr/pro/commande/rapide/",
        "/fr/pro/equipe/",
        "/fr/pro/factures/",
        "/fr/pro/catalogue/line-sheet.csv",
        "/fr/pro/catalogue/line-sheet.pdf",
        "/fr/pro/devenir-revendeur/",
        "/fr/pro/cles-api/",
        # The JSON API: a session opens nothing there (a key does); its description shows no price.
        "/api/openapi.json",
        "/api/v1/catalogue",
        "/api/v1/orders",
        f"/api/v1/orders/{product.order_number}",
        "/api/v1/invoices",
    ]


def assert_no_wholesale_anywhere(client, product, **headers):
    for url in portal_pages(product):
        response = client.get(url, follow=True, **headers)
        html = response.content.decode(errors="replace")
        for figure in wholesale_figures():
            assert figure not in html, (url, figure)


def test_an_anonymous_visitor_is_sent_to_sign_in_and_sees_no_wholesale_price(client, catalogue):
    response = client.get("/fr/pro/catalogue/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/")
    assert_no_wholesale_anywhere(client, catalogue)


def test_a_consumer_is_sent_to_the_apply_page_and_sees_no_wholesale_price(client, catalogue):
    client.force_login(UserFactory())
    response = client.get("/fr/pro/catalogue/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/pro/devenir-revendeur/"
    assert_no_wholesale_anywhere(client, catalogue)


def test_a_pending_applicant_sees_no_wholesale_price(client, catalogue):
    applicant = UserFactory(email="claire@mercerie.example")
    ResellerApplicationFactory(email="claire@mercerie.example")
    client.force_login(applicant)
    assert client.get("/fr/pro/").status_code == 302
    assert_no_wholesale_anywhere(client, catalogue)


def test_a_buyer_of_an_inactive_company_sees_no_wholesale_price(client, catalogue):
    buyer = BuyerFactory(company__is_active=False)
    client.force_login(buyer.user)
    assert_no_wholesale_anywhere(client, catalogue)
    # Nor through the API with a key made while the company was active.
    key = ApiKey.objects.create(company=buyer.company, name="Ancienne", prefix="0ld0ld00", key_hash="x")
    assert_no_wholesale_anywhere(client, catalogue, HTTP_AUTHORIZATION=f"Bearer cpt_{key.prefix}_x")


@pytest.mark.parametrize("who", ["anonymous", "consumer", "applicant"])
def test_no_api_key_a_non_buyer_can_send_reveals_a_wholesale_price(client, catalogue, who):
    if who == "consumer":
        client.force_login(UserFactory())
    elif who == "applicant":
        ResellerApplicationFactory(email="claire@mercerie.example")
        client.force_login(UserFactory(email="claire@mercerie.example"))
    for header in ("", "Bearer ", "Bearer cpt_00000000_forged", "Bearer 43.21"):
        assert_no_wholesale_anywhere(client, catalogue, HTTP_AUTHORIZATION=header)


def test_a_buyer_with_a_key_reads_the_wholesale_figures_from_the_api(client, catalogue):
    key = create_api_key(buyer=BuyerFactory(), name="Site web").clear_key
    response = client.get("/api/v1/catalogue", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert "43.21" in response.content.decode()  # the walk above would see them: it is not blind


def test_a_buyer_sees_the_catalogue_and_the_grid_in_prices_ht(client, catalogue):
    client.force_login(BuyerFactory().user)
    listing = client.get("/fr/pro/catalogue/").content.decode()
    assert format_money(Money(Decimal("40.00"))) in listing  # the lowest: "dès 40,00 €"
    page = client.get(f"/fr/pro/catalogue/{catalogue.slug}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert format_money(Money(Decimal("43.21"))) in html
    assert format_money(Money(Decimal("40.00"))) in html
    assert "noindex" in html
    # the boutique's own retail price is not shown in the portal
    assert format_money(Money(Decimal("120.00"))) not in html


def test_a_buyer_sees_retail_prices_in_the_boutique(client, catalogue):
    client.force_login(BuyerFactory().user)
    html = client.get(catalogue.get_absolute_url()).content.decode()
    for figure in wholesale_figures():
        assert figure not in html


def test_an_unpublished_product_is_a_404_in_the_portal(client, catalogue):
    client.force_login(BuyerFactory().user)
    catalogue.status = "draft"
    catalogue.save()
    assert client.get(f"/fr/pro/catalogue/{catalogue.slug}/").status_code == 404


def test_a_buyer_sees_only_the_buyers_and_invitations_of_their_company(
    client, django_capture_on_commit_callbacks
):
    PriceListFactory()
    mine = BuyerFactory(user__email="moi@a.example")
    theirs = BuyerFactory(user__email="eux@b.example")
    client.force_login(theirs.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/pro/equipe/", {"email": "secret-invite@b.example"})
    client.force_login(mine.user)
    html = client.get("/fr/pro/equipe/").content.decode()
    assert "moi@a.example" in html
    assert "eux@b.example" not in html
    assert "secret-invite@b.example" not in html


def test_without_a_default_list_the_portal_says_prices_are_coming(client):
    client.force_login(BuyerFactory().user)
    response = client.get("/fr/pro/catalogue/")
    assert response.status_code == 503


def test_the_catalogue_costs_the_same_queries_for_3_products_as_for_30(client):
    price_list = PriceListFactory()
    client.force_login(BuyerFactory().user)

    def add_products(count):
        for _ in range(count):
            variant = VariantFactory()
            PriceListItemFactory(price_list=price_list, variant=variant)

    add_products(3)
    current_profile()  # the shop's identity is read once, then served from the cache
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/pro/catalogue/")
    add_products(27)
    with CaptureQueriesContext(connection) as many:
        client.get("/fr/pro/catalogue/")
    assert len(many.captured_queries) == len(few.captured_queries)
