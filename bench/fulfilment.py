"""How long the day's papers take for 200 orders: pick list PDF, packing slips PDF, ColiShip file.

Run with ``make bench``. It builds a throw-away SQLite database, 200 paid orders of 1 to 4 lines
spread over 60 variants, and prints the time of each document (best of 3). Target: under 10 s
together on this machine. Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "comptoir.config.settings")
BENCH_DATABASE = Path(tempfile.gettempdir()) / "comptoir-bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DATABASE}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

ORDERS = 200


def build() -> list:
    from comptoir.orders.models import Order, OrderLine, OrderStatus
    from tests.factories import VariantFactory
    from tests.factories.payments import OrderFactory

    random.seed(7)
    variants = [VariantFactory(on_hand=500, weight_grams=300 + index) for index in range(60)]
    orders = []
    for index in range(ORDERS):
        order = OrderFactory(status=OrderStatus.PAID, with_line=False, number=f"BENCH-{index:05d}")
        for variant in random.sample(variants, random.randint(1, 4)):
            OrderLine.objects.create(
                order=order, variant=variant, product_name=str(variant.product.name), options_label="",
                sku=variant.sku, quantity=random.randint(1, 3), unit_gross=Decimal("95.00"),
                unit_net=Decimal("79.17"), vat_rate=Decimal("0.2"), total_gross=Decimal("95.00"),
                total_net=Decimal("79.17"),
            )  # fmt: skip
        orders.append(order)
    return list(Order.objects.filter(pk__in=[o.pk for o in orders]).prefetch_related("lines__variant"))


def best_of(runs: int, work) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(work())
        times.append(time.perf_counter() - start)
    return min(times), size


def main() -> None:
    database = BENCH_DATABASE
    database.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    from comptoir.fulfillment.carriers import coliship_file
    from comptoir.fulfillment.documents import packing_slips_pdf, pick_list_pdf

    orders = build()
    print(f"{len(orders)} paid orders, {sum(o.lines.count() for o in orders)} lines")
    total = 0.0
    for name, work in (
        ("pick list PDF", lambda: pick_list_pdf(orders=orders)),
        ("packing slips PDF", lambda: packing_slips_pdf(orders=orders)),
        ("ColiShip file", lambda: coliship_file(orders=orders)),
    ):
        seconds, size = best_of(3, work)
        total += seconds
        print(f"  {name:<20} {seconds:6.2f} s   {size / 1024:8.1f} KB")
    print(f"  {'together':<20} {total:6.2f} s   (target: under 10 s)")
    database.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
