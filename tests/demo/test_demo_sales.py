"""The demo shop arrives with eight weeks of sales played through the real services."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comptoir.accounting.exports import fec_file
from comptoir.analytics.selectors import business_figures
from comptoir.inventory.models import StockRecord
from comptoir.invoicing.models import Invoice
from comptoir.orders.models import Channel, Order, OrderStatus

pytestmark = pytest.mark.django_db


def test_the_demo_year_has_invoiced_sales_and_its_fec_balances():
    out = StringIO()
    call_command("demo_shop", "--without-images", stdout=out)
    assert "Historique de ventes joué" in out.getvalue()

    boutique = Order.objects.filter(channel=Channel.BOUTIQUE)
    assert boutique.count() >= 40
    statuses = {OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED}
    assert set(boutique.values_list("status", flat=True)) <= statuses
    assert Order.objects.filter(channel=Channel.RESELLER, paid_at__isnull=False).count() >= 1
    waiting = Order.objects.filter(status=OrderStatus.PAID)  # yesterday's orders, for today's batch
    reserved = sum(StockRecord.objects.values_list("reserved", flat=True))
    assert reserved == sum(order.lines.count() for order in waiting)  # one piece per line in the demo

    # One invoice per order, numbered without a gap each year (eight weeks may straddle New Year).
    assert Invoice.objects.count() == Order.objects.count()
    years = sorted(set(Invoice.objects.values_list("year", flat=True)))
    for year in years:
        numbers = sorted(Invoice.objects.filter(year=year).values_list("sequence_number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))

        lines = fec_file(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)).decode("iso-8859-15")
        rows = lines.splitlines()
        assert len(rows[0].split("\t")) == 18
        balance: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for row in rows[1:]:
            fields = row.split("\t")
            debit, credit = (Decimal(fields[index].replace(",", ".")) for index in (11, 12))
            balance[(fields[0], fields[2])] += debit - credit
        assert balance and all(amount == 0 for amount in balance.values())

    figures = business_figures(start=timezone.localdate() - dt.timedelta(days=60), end=timezone.localdate())
    assert figures.boutique.orders == boutique.count() and figures.resellers.orders >= 2
    assert figures.best_sellers and figures.sell_through
