"""The owner's dashboard: sales per door, basket, best sellers, sell-through per size, visitors."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from comptoir.analytics.models import PageView
from comptoir.analytics.selectors import business_figures
from comptoir.orders.models import Channel, Order, OrderLine, OrderStatus
from tests.backoffice.conftest import packer_user
from tests.factories import SizeFactory, UserFactory, VariantFactory
from tests.factories.payments import OrderFactory
from tests.factories.resellers import CompanyFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 20)


def placed_on(day: dt.date, **fields) -> Order:
    order = OrderFactory(**fields)
    moment = dt.datetime.combine(day, dt.time(11), tzinfo=timezone.get_current_timezone())
    Order.objects.filter(pk=order.pk).update(created_at=moment)
    return order


def sell(order: Order, variant, quantity: int) -> None:
    OrderLine.objects.create(
        order=order,
        variant=variant,
        product_name=str(variant.product.name),
        options_label=variant.options_label,
        sku=variant.sku,
        quantity=quantity,
        unit_gross=Decimal("95.00"),
        unit_net=Decimal("79.17"),
        vat_rate=Decimal("0.2000"),
        total_gross=Decimal("95.00") * quantity,
        total_net=Decimal("79.17") * quantity,
    )


@pytest.fixture
def sales():
    placed_on(TODAY, status=OrderStatus.PAID)  # 100,90 TTC
    placed_on(TODAY - dt.timedelta(days=3), status=OrderStatus.SHIPPED)  # 100,90 TTC
    placed_on(TODAY, status=OrderStatus.PLACED)  # a bank transfer still awaited: not a sale yet
    placed_on(TODAY, status=OrderStatus.CANCELLED)
    placed_on(TODAY - dt.timedelta(days=40), status=OrderStatus.PAID)  # outside a 30-day period
    placed_on(
        TODAY - dt.timedelta(days=1),
        status=OrderStatus.CONFIRMED,
        channel=Channel.RESELLER,
        company=CompanyFactory(),
        payment_terms="net_30",
        total_gross=Decimal("1200.00"),
        total_net=Decimal("1000.00"),
    )


def test_sales_are_split_by_door_and_exclude_what_is_not_sold(sales):
    figures = business_figures(start=TODAY - dt.timedelta(days=29), end=TODAY)
    assert (figures.boutique.orders, figures.boutique.revenue_gross) == (2, Decimal("201.80"))
    assert figures.boutique.average_basket == Decimal("100.90")
    assert (figures.resellers.orders, figures.resellers.revenue_net) == (1, Decimal("1000.00"))
    assert figures.total.revenue_gross == Decimal("1401.80")
    assert figures.revenue_by_day["boutique"][-1] == Decimal("100.90")
    assert figures.revenue_by_day["reseller"][-2] == Decimal("1200.00")


def test_conversion_is_boutique_orders_per_hundred_visitors(sales):
    for visitor in range(40):
        PageView.objects.create(day=TODAY, visitor=f"v{visitor:015d}", path="/fr/")
    PageView.objects.create(day=TODAY, visitor="v000000000000000", path="/fr/journal/")
    figures = business_figures(start=TODAY - dt.timedelta(days=29), end=TODAY)
    assert (figures.visitors, figures.page_views) == (40, 41)
    assert figures.conversion_percent == Decimal("5.0")


def test_sell_through_per_size_compares_sold_pieces_with_the_shelf():
    small, large = SizeFactory(label="S", position=1), SizeFactory(label="L", position=3)
    order = placed_on(TODAY, status=OrderStatus.PAID, with_line=False)
    sell(order, VariantFactory(size=small, on_hand=1), 3)
    sell(order, VariantFactory(size=large, on_hand=9), 1)
    figures = business_figures(start=TODAY, end=TODAY)
    assert [(size.size, size.sold, size.on_hand, size.percent) for size in figures.sell_through] == [
        ("S", 3, 1, 75),
        ("L", 1, 9, 10),
    ]
    assert [seller.units for seller in figures.best_sellers] == [3, 1]


def test_the_owner_sees_figures_and_charts_for_the_period_she_picks(client, sales, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/fr/atelier/tableau-de-bord/", {"period": "30"}).content.decode()
    assert "1\u202f401,80\xa0€" in page  # the total, in French
    # revenue and visitors drawn (no sized variant sold here: no sell-through chart), never a script
    assert page.count("<svg") == 2 and "<script" not in page.split("<main", 1)[1]
    week = client.get("/fr/atelier/tableau-de-bord/", {"start": "2026-11-17", "end": "2026-11-20"})
    assert "100,90" in week.content.decode()  # only the order of the 20th and the reseller's


def test_a_reversed_period_is_refused_with_a_message(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/fr/atelier/tableau-de-bord/", {"start": "2026-11-20", "end": "2026-11-01"})
    assert page.status_code == 200
    assert "La fin de la période précède son début." in page.content.decode()


def test_packing_staff_never_see_revenue(client, sales):
    client.force_login(packer_user())
    assert client.get("/fr/atelier/tableau-de-bord/").status_code == 403
    home = client.get("/fr/atelier/").content.decode()
    assert "tableau-de-bord" not in home and "201,80" not in home


def test_chart_axes_speak_the_owners_language_and_count_whole_visitors(client, sales, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    french = client.get("/fr/atelier/tableau-de-bord/", {"period": "7"}).content.decode()
    english = client.get("/en/workshop/dashboard/", {"period": "7"}).content.decode()
    assert ">1\u202f000\xa0€<" in french and ">€1,000<" in english  # guides of the revenue chart
    assert ">20 nov<" in french and ">20 Nov<" in english
    # no visitor this week: the visitors chart counts 0 and 1, never « 0, 0, 1, 1 » from rounded floats
    visitors = english.rsplit("<svg", 1)[1]
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", visitors)
    assert [label for label in labels if "Nov" not in label] == ["0", "1"]
