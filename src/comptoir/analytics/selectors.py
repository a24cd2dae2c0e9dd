"""The founder's figures for a period: sales by door, best sellers, sell-through per size, audience.

Sales are orders confirmed in the period (paid, packed, shipped, delivered; a reseller order on
payment terms counts once accepted), dated by when they were placed; cancelled, returned and refunded
orders are not sales. Amounts are Decimal, VAT included (TTC) and excluded (HT).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, DecimalField, Min, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Channel, Order, OrderLine
from comptoir.orders.state import SOLD

from .models import PageView
from .services.record_page_view import flush_page_views

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class DoorFigures:
    orders: int
    revenue_gross: Decimal
    revenue_net: Decimal

    @property
    def average_basket(self) -> Decimal:
        return (self.revenue_gross / self.orders).quantize(Decimal("0.01")) if self.orders else ZERO


@dataclass(frozen=True)
class Seller:
    name: str
    units: int
    revenue_net: Decimal


@dataclass(frozen=True)
class SizeSellThrough:
    size: str
    sold: int
    on_hand: int

    @property
    def percent(self) -> int:
        """Share of the pieces there were (sold + still on the shelf) that sold, rounded."""
        total = self.sold + self.on_hand
        return round(100 * self.sold / total) if total else 0


@dataclass
class Figures:
    start: date
    end: date  # inclusive
    boutique: DoorFigures
    resellers: DoorFigures
    days: list[date] = field(default_factory=list)
    revenue_by_day: dict[str, list[Decimal]] = field(default_factory=dict)  # door → one amount per day
    visitors_by_day: list[int] = field(default_factory=list)
    visitors: int = 0
    page_views: int = 0
    best_sellers: list[Seller] = field(default_factory=list)
    sell_through: list[SizeSellThrough] = field(default_factory=list)

    @property
    def total(self) -> DoorFigures:
        return DoorFigures(
            orders=self.boutique.orders + self.resellers.orders,
            revenue_gross=self.boutique.revenue_gross + self.resellers.revenue_gross,
            revenue_net=self.boutique.revenue_net + self.resellers.revenue_net,
        )

    @property
    def conversion_percent(self) -> Decimal:
        """Boutique orders per hundred visitors (resellers order from their space, not from visits)."""
        if not self.visitors:
            return Decimal("0.0")
        return (Decimal(100 * self.boutique.orders) / self.visitors).quantize(Decimal("0.1"))


def sales(*, start: date, end: date) -> QuerySet[Order]:
    """Orders that are sales, placed from ``start`` to ``end`` inclusive (the shop's time zone)."""
    zone = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    return Order.objects.filter(status__in=SOLD, created_at__gte=since, created_at__lt=until)


def _door(orders: QuerySet[Order]) -> DoorFigures:
    money = DecimalField(max_digits=14, decimal_places=2)
    totals = orders.aggregate(
        count=Count("id"),
        gross=Coalesce(Sum("total_gross"), Value(ZERO), output_field=money),
        net=Coalesce(Sum("total_net"), Value(ZERO), output_field=money),
    )
    return DoorFigures(orders=totals["count"], revenue_gross=totals["gross"], revenue_net=totals["net"])


def business_figures(*, start: date, end: date, best_sellers: int = 8) -> Figures:
    sold = sales(start=start, end=end)
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    figures = Figures(
        start=start,
        end=end,
        boutique=_door(sold.filter(channel=Channel.BOUTIQUE)),
        resellers=_door(sold.filter(channel=Channel.RESELLER)),
        days=days,
    )
    by_day: dict[tuple[str, date], Decimal] = {
        (row["channel"], row["day"]): row["gross"]
        for row in sold.annotate(day=TruncDate("created_at"))
        .values("channel", "day")
        .annotate(gross=Sum("total_gross"))
    }
    figures.revenue_by_day = {
        door: [by_day.get((door, day), ZERO) for day in days] for door in (Channel.BOUTIQUE, Channel.RESELLER)
    }
    flush_page_views()  # the views still waiting in the cache count too (analytics/visit_buffer.py)
    views = PageView.objects.filter(day__gte=start, day__lte=end)
    visitors = dict(views.values("day").annotate(n=Count("visitor", distinct=True)).values_list("day", "n"))
    figures.visitors_by_day = [visitors.get(day, 0) for day in days]
    figures.visitors = sum(figures.visitors_by_day)  # a visitor is anonymous per day, so days add up
    figures.page_views = views.count()
    lines = OrderLine.objects.filter(order__in=sold)
    figures.best_sellers = [
        Seller(name=row["product_name"], units=row["units"], revenue_net=row["net"])
        for row in lines.values("product_name")
        .annotate(units=Sum("quantity"), net=Sum("total_net"))
        .order_by("-units", "product_name")[:best_sellers]
    ]
    figures.sell_through = _sell_through(lines=lines)
    return figures


def _sell_through(*, lines: QuerySet[OrderLine]) -> list[SizeSellThrough]:
    """Per size label, pieces sold in the period against pieces still on the shelf, in the size order."""
    sold: dict[str, int] = dict(
        lines.filter(variant__size__isnull=False)
        .values("variant__size__label")
        .annotate(units=Sum("quantity"))
        .values_list("variant__size__label", "units")
    )
    shelf = {
        row["variant__size__label"]: row
        for row in StockRecord.objects.filter(variant__size__label__in=list(sold))
        .values("variant__size__label")
        .annotate(pieces=Sum("on_hand"), position=Min("variant__size__position"))
    }
    sizes = sorted(sold, key=lambda label: (shelf[label]["position"] if label in shelf else 0, label))
    return [
        SizeSellThrough(size=label, sold=sold[label], on_hand=shelf[label]["pieces"] if label in shelf else 0)
        for label in sizes
    ]
