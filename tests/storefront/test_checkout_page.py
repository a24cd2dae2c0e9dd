"""The checkout page: a guest buys, the server prices everything, bad input loses nothing."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from comptoir.cart.models import CartLine
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.inventory.models import StockRecord
from comptoir.notifications.models import PendingJob
from comptoir.orders.models import Order, OrderStatus
from comptoir.payments.models import Payment
from comptoir.shipping.models import ShippingMethod
from tests.factories import ColourFactory, ProductFactory, SizeFactory, UserFactory, VariantFactory
from tests.factories.accounts import AddressFactory
from tests.factories.promotions import DiscountCodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shipping_and_payments(settings):
    settings.COMPTOIR_PAYMENT_PROVIDERS = ["bank_transfer", "demo"]
    settings.COMPTOIR_DEMO_PAYMENTS = True
    ensure_demo_shipping()


@pytest.fixture
def shirt():
    product = ProductFactory(name_fr="Chemise Oxford", retail_price=Decimal("95.00"))
    return VariantFactory(
        product=product,
        colour=ColourFactory(name_fr="Bleu ciel"),
        size=SizeFactory(label="41"),
        on_hand=3,
        weight_grams=320,
    )


@pytest.fixture
def in_cart(client, shirt):
    client.post(reverse("storefront:cart_add"), {"variant": shirt.pk, "quantity": "1"})
    return shirt


def method(carrier: str, country: str = "FR") -> ShippingMethod:
    return ShippingMethod.objects.get(carrier=carrier, zone__countries__contains=country)


def page_key(client) -> str:
    page = client.get(reverse("storefront:checkout")).content.decode()
    return re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)


def filled(client, **changes) -> dict[str, str]:
    data = {
        "email": "camille@example.com",
        "shipping-first_name": "Camille",
        "shipping-last_name": "Durand",
        "shipping-line1": "12 rue des Lilas",
        "shipping-postcode": "75011",
        "shipping-city": "Paris",
        "shipping-country": "FR",
        "shipping-phone": "06 12 34 56 78",
        "billing_same_as_shipping": "on",
        "shipping_method": str(method("colissimo").pk),
        "payment_method": "bank_transfer",
        "accept_terms": "on",
        "idempotency_key": page_key(client),
        "place": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_page_offers_the_methods_of_france_and_the_legal_button(client, in_cart):
    page = client.get(reverse("storefront:checkout")).content.decode()
    assert "Colissimo à domicile" in page and "Point relais Mondial Relay" in page
    assert "Retrait à l&#x27;atelier" in page or "Retrait à l'atelier" in page
    assert "Commander avec obligation de paiement" in page
    assert reverse("storefront:terms") in page
    assert "dont TVA" in page and "95,00" in page


def test_a_guest_places_an_order_paid_by_bank_transfer(client, in_cart):
    response = client.post(reverse("storefront:checkout"), filled(client))

    order = Order.objects.get()
    assert response.status_code == 302 and "/fr/commande/" in response["Location"]
    assert (order.status, order.email, order.payment_method) == (
        OrderStatus.PLACED,
        "camille@example.com",
        "bank_transfer",
    )
    assert (order.subtotal_gross, order.shipping_gross, order.total_gross) == (
        Decimal("95.00"),
        Decimal("5.90"),
        Decimal("100.90"),
    )
    assert order.shipping_address["phone"] == "+33612345678"
    assert StockRecord.objects.get(variant=in_cart).reserved == 1
    assert not CartLine.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert order.number in page and "Merci pour votre commande" in page
    assert "IBAN" in page and f"avec la référence {order.number}" in page  # how to pay, on arrival


def test_prices_and_totals_posted_by_the_browser_are_ignored(client, in_cart):
    client.post(
        reverse("storefront:checkout"),
        filled(client, total="1.00", shipping_price="0", unit_price="0.01", subtotal="1.00"),
    )
    assert Order.objects.get().total_gross == Decimal("100.90")


def test_free_shipping_above_the_threshold_is_applied_by_the_server(client, in_cart):
    CartLine.objects.update(quantity=2)  # 190 € ≥ 150 €
    client.post(reverse("storefront:checkout"), filled(client))
    order = Order.objects.get()
    assert (order.shipping_gross, order.total_gross) == (Decimal("0.00"), Decimal("190.00"))


def test_a_method_of_another_zone_is_refused_and_the_form_keeps_what_was_typed(client, in_cart):
    world = ShippingMethod.objects.get(zone__is_rest_of_world=True)
    response = client.post(reverse("storefront:checkout"), filled(client, shipping_method=str(world.pk)))
    page = response.content.decode()
    assert response.status_code == 200
    assert not Order.objects.exists()
    assert 'value="12 rue des Lilas"' in page and 'value="camille@example.com"' in page


def test_the_rest_of_the_world_gets_its_own_methods(client, in_cart):
    response = client.post(reverse("storefront:checkout"), {"shipping-country": "JP", "refresh": "1"})
    page = response.content.decode()
    assert "Colissimo International" in page
    assert "Point relais" not in page


def test_a_relay_point_is_required_for_mondial_relay_and_kept_on_the_order(client, in_cart):
    relay = method("mondial_relay")
    response = client.post(reverse("storefront:checkout"), filled(client, shipping_method=str(relay.pk)))
    assert response.status_code == 200 and "Indiquez le point relais choisi." in response.content.decode()
    assert not Order.objects.exists()

    client.post(
        reverse("storefront:checkout"),
        filled(
            client,
            shipping_method=str(relay.pk),
            pickup_point_id="075123",
            pickup_point_name="Tabac des Lilas",
            pickup_point_address="3 rue des Lilas, 75011 Paris",
        ),
    )
    assert Order.objects.get().pickup_point["id"] == "075123"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("shipping-postcode", "7501", "code postal"),
        ("shipping-phone", "12", "téléphone"),
        ("email", "pas-un-email", "adresse e-mail"),
        ("accept_terms", None, "Acceptez les conditions générales de vente pour commander."),
    ],
)
def test_bad_input_is_shown_again_with_a_message_and_nothing_is_placed(
    client, in_cart, field, value, message
):
    response = client.post(reverse("storefront:checkout"), filled(client, **{field: value}))
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not Order.objects.exists()
    assert StockRecord.objects.get(variant=in_cart).reserved == 0
    assert CartLine.objects.count() == 1


def test_the_same_form_sent_twice_places_one_order(client, in_cart):
    data = filled(client)
    first = client.post(reverse("storefront:checkout"), data)
    client.post(reverse("storefront:cart_add"), {"variant": in_cart.pk})  # the bag is filled again meanwhile
    second = client.post(reverse("storefront:checkout"), data)  # Back, then the same form sent again
    assert Order.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert StockRecord.objects.get(variant=in_cart).reserved == 1
    assert CartLine.objects.count() == 1  # the new bag is kept for a next order


def test_a_second_click_after_the_order_emptied_the_bag_lands_on_that_order(client, in_cart):
    data = filled(client)
    first = client.post(reverse("storefront:checkout"), data)
    second = client.post(reverse("storefront:checkout"), data)  # the bag is empty now
    assert Order.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_an_empty_bag_with_an_unknown_form_key_goes_back_to_the_bag(client):
    response = client.post(reverse("storefront:checkout"), {"place": "1", "idempotency_key": "x" * 32})
    assert response["Location"] == reverse("storefront:cart")
    assert not Order.objects.exists()


def test_the_demo_payment_sends_the_customer_to_pay_then_to_her_paid_order(client, in_cart):
    response = client.post(reverse("storefront:checkout"), filled(client, payment_method="demo"))
    assert "/paiement/demo/" in response["Location"]
    back = client.post(response["Location"], {"decision": "pay"})
    order = Order.objects.get()
    assert order.status == OrderStatus.PAID
    assert Payment.objects.get(order=order).amount == Decimal("100.90")
    assert "/fr/commande/" in back["Location"]


def test_someone_who_bought_the_last_piece_meanwhile_is_explained(client, in_cart):
    data = filled(client)
    StockRecord.objects.filter(variant=in_cart).update(on_hand=0)
    response = client.post(reverse("storefront:checkout"), data)
    assert response["Location"] == reverse("storefront:cart")
    assert "épuisé" in client.get(reverse("storefront:cart")).content.decode()
    assert not Order.objects.exists()


def test_a_signed_in_customer_finds_her_details_filled_in_and_the_order_in_her_account(client, shirt):
    customer = UserFactory(email="camille@example.com", first_name="Camille", last_name="Durand")
    AddressFactory(
        customer=customer, line1="3 quai Saint-Vincent", postcode="69001", city="Lyon", is_default=True
    )
    client.force_login(customer)
    client.post(reverse("storefront:cart_add"), {"variant": shirt.pk})

    page = client.get(reverse("storefront:checkout")).content.decode()
    assert 'value="camille@example.com"' in page and 'value="3 quai Saint-Vincent"' in page

    client.post(reverse("storefront:checkout"), filled(client, **{"shipping-line1": "3 quai Saint-Vincent"}))
    order = Order.objects.get()
    assert order.customer == customer
    assert order.number in client.get(reverse("storefront:account_orders")).content.decode()


def test_a_discount_code_shows_in_the_summary_and_on_the_order(client, in_cart):
    DiscountCodeFactory(code="ETE10", value=Decimal("10"))
    page = client.post(
        reverse("storefront:checkout"), filled(client, discount_code="ete10", place=None, refresh="1")
    )
    content = page.content.decode()
    assert "Code ETE10 appliqué." in content and "Réduction (ETE10)" in content and "9,50" in content

    client.post(reverse("storefront:checkout"), filled(client, discount_code="ete10"))
    order = Order.objects.get()
    assert (order.discount_code, order.discount_gross, order.total_gross) == (
        "ETE10",
        Decimal("9.50"),
        Decimal("91.40"),
    )


def test_a_code_that_does_not_apply_is_explained_next_to_the_field_and_nothing_is_placed(client, in_cart):
    response = client.post(reverse("storefront:checkout"), filled(client, discount_code="FAUX"))
    assert "Ce code n&#x27;existe pas ou n&#x27;est plus valable." in response.content.decode()
    assert not Order.objects.exists()


def test_with_the_mail_server_down_the_order_is_placed_and_its_email_waits(
    client, in_cart, settings, django_capture_on_commit_callbacks
):
    settings.REDIS_URL = ""
    settings.EMAIL_BACKEND = "tests.notifications.broken_mail.EmailBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("storefront:checkout"), filled(client))

    order = Order.objects.get()
    assert response.status_code == 302 and order.number in client.get(response["Location"]).content.decode()
    assert PendingJob.objects.get().kwargs == {"order_id": order.pk, "kind": "confirmation"}
