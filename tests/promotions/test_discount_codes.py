"""Every rule of a discount code, as the checkout applies it when an order is placed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from comptoir.checkout.errors import InvalidDiscount
from comptoir.checkout.services.place_order import place_order
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order
from comptoir.promotions.models import Channel, DiscountCode, DiscountKind, Redemption
from tests.checkout.conftest import PARIS
from tests.factories import CollectionFactory, ProductFactory, VariantFactory
from tests.factories.promotions import DiscountCodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shirt():
    return VariantFactory(product=ProductFactory(retail_price=Decimal("95.00")), on_hand=20)


def order_with(
    make_cart, colissimo, code: str, *items, email="camille@example.com", key="key-0000000000000001"
):
    return place_order(
        cart=make_cart(*items),
        customer=None,
        email=email,
        shipping_address=PARIS,
        billing_address=None,
        shipping_option=colissimo,
        payment_method="bank_transfer",
        idempotency_key=key,
        language="fr",
        terms_accepted=True,
        discount_code=code,
    )


def test_a_percentage_comes_off_the_goods_with_its_vat(make_cart, colissimo, shirt):
    DiscountCodeFactory(code="ETE10", value=Decimal("10"))
    order = order_with(make_cart, colissimo, "ete10", (shirt, 2))  # typed in lower case
    assert (order.discount_code, order.discount_gross, order.discount_net) == (
        "ETE10",
        Decimal("19.00"),
        Decimal("15.83"),
    )
    assert order.total_gross == Decimal("95.00") * 2 - Decimal("19.00") + Decimal("5.90")
    assert order.total_net == order.subtotal_net - order.discount_net + order.shipping_net
    assert DiscountCode.objects.get().uses_count == 1
    assert Redemption.objects.get().order == order


def test_a_fixed_amount_never_takes_off_more_than_the_goods(make_cart, colissimo, shirt):
    DiscountCodeFactory(code="CADEAU", kind=DiscountKind.FIXED, value=Decimal("500"))
    order = order_with(make_cart, colissimo, "CADEAU", (shirt, 1))
    assert (order.discount_gross, order.total_gross) == (Decimal("95.00"), Decimal("5.90"))


def test_free_shipping(make_cart, colissimo, shirt):
    DiscountCodeFactory(code="PORTOFFERT", kind=DiscountKind.FREE_SHIPPING)
    order = order_with(make_cart, colissimo, "PORTOFFERT", (shirt, 1))
    assert (order.shipping_gross, order.discount_gross, order.total_gross) == (
        Decimal("0.00"),
        Decimal("0"),
        Decimal("95.00"),
    )


def test_a_code_limited_to_a_collection_reduces_only_its_products(make_cart, colissimo, shirt):
    summer = CollectionFactory()
    linen = VariantFactory(product=ProductFactory(retail_price=Decimal("120.00"), in_collections=[summer]))
    code = DiscountCodeFactory(code="LIN20", value=Decimal("20"))
    code.collections.add(summer)
    order = order_with(make_cart, colissimo, "LIN20", (shirt, 1), (linen, 1))
    assert order.discount_gross == Decimal("24.00")


def test_a_code_limited_to_products_absent_from_the_basket_is_refused(make_cart, colissimo, shirt):
    code = DiscountCodeFactory(code="OXFORD")
    code.products.add(ProductFactory())
    with pytest.raises(InvalidDiscount) as refused:
        order_with(make_cart, colissimo, "OXFORD", (shirt, 1))
    assert refused.value.messages == ["Ce code ne s'applique à aucun article de votre panier."]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"is_active": False}, "Ce code n'existe pas ou n'est plus valable."),
        ({"starts_at": timezone.now() + dt.timedelta(days=1)}, "Ce code n'est pas encore valable."),
        ({"ends_at": dt.datetime(2026, 1, 31, 22, 0, tzinfo=dt.UTC)}, "Ce code a expiré le 31 janvier 2026."),
        ({"minimum_basket": Decimal("100.00")}, "Ce code demande un panier d'au moins 100,00\xa0€."),
        ({"channel": Channel.RESELLERS}, "Ce code n'est pas valable ici."),
        ({"max_uses": 3, "uses_count": 3}, "Ce code a déjà été utilisé autant de fois que prévu."),
    ],
)
def test_a_code_that_does_not_apply_says_why_and_nothing_is_placed(
    make_cart, colissimo, shirt, fields, message
):
    DiscountCodeFactory(code="PROMO", **fields)
    cart = make_cart((shirt, 1))
    with pytest.raises(InvalidDiscount) as refused:
        place_order(
            cart=cart,
            customer=None,
            email="camille@example.com",
            shipping_address=PARIS,
            billing_address=None,
            shipping_option=colissimo,
            payment_method="bank_transfer",
            idempotency_key="key-0000000000000002",
            language="fr",
            terms_accepted=True,
            discount_code="PROMO",
        )
    assert refused.value.messages == [message]
    assert not Order.objects.exists()
    assert StockRecord.objects.get(variant=shirt).reserved == 0
    assert cart.lines.count() == 1


def test_an_unknown_code_is_refused(make_cart, colissimo, shirt):
    with pytest.raises(InvalidDiscount):
        order_with(make_cart, colissimo, "INCONNU", (shirt, 1))


def test_the_per_customer_limit_counts_her_earlier_orders(make_cart, colissimo, shirt):
    DiscountCodeFactory(code="BIENVENUE", max_uses_per_customer=1)
    order_with(make_cart, colissimo, "BIENVENUE", (shirt, 1), key="key-first-order-00001")
    with pytest.raises(InvalidDiscount) as refused:
        order_with(
            make_cart,
            colissimo,
            "BIENVENUE",
            (shirt, 1),
            email="CAMILLE@example.com",
            key="key-second-order-0002",
        )
    assert refused.value.messages == ["Vous avez déjà utilisé ce code."]
    order_with(
        make_cart, colissimo, "BIENVENUE", (shirt, 1), email="louise@example.com", key="key-other-person-0003"
    )
    assert DiscountCode.objects.get().uses_count == 2
