"""Twelve visitors want the last three pieces of a shirt, at the same instant; one visitor clicks twice.

    python scripts/checkout_race.py http://127.0.0.1:8000    (run by `make run-scaled SCALED_SMOKE=1`)

Against the production shape (gunicorn workers, PostgreSQL, Redis, a Celery worker), over HTTP only:
each visitor has her own cookies and CSRF token, puts one piece in her bag with the product page's
form, fills in the checkout form (bank transfer) and they all press « Commander » together. Then one
more visitor sends her filled-in checkout form twice at once. The stock is set, and the result read,
through `manage.py shell` with the same environment (the stock service, never a raw UPDATE).

It must end with exactly as many orders as pieces, every other visitor told « épuisé » (no server
error), the stock counters within their bounds (the database's CheckConstraints also refuse anything
else at every instant), one order for the double click, and one confirmation email per order written
by the Celery worker (EMAIL_FILE_PATH, when run_scaled.sh sets the file backend). Prints one summary
line, then the failures; exits 1 if there was any.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

VISITORS = 12
PIECES = 3  # the race's stock
TWIN_PIECES = 2  # the double click's stock: room for a second order, were one ever placed
CHECKOUT = "/fr/commander/"
EMAIL_WAIT_SECONDS = 30
PROJECT_DIR = Path(__file__).resolve().parent.parent

# Two shirts no placed order holds yet, set to PIECES and TWIN_PIECES on hand. Of products cut in one
# fit: the page's « ?colour=…&size=… » then names exactly one variant.
PREPARE = f"""
import json
from urllib.parse import urlencode
from django.db.models import Count
from django.utils import translation
from comptoir.catalog.models import ProductStatus, Variant
from comptoir.inventory.models import MovementReason
from comptoir.inventory.services.adjust_stock import adjust_stock

variants = Variant.objects.annotate(fits=Count("product__variants__fit", distinct=True)).filter(
    is_active=True, product__status=ProductStatus.PUBLISHED, product__is_gift_card=False,
    colour__isnull=False, size__isnull=False, fits=1, stock__reserved=0,
).select_related("product", "colour", "size").order_by("-pk")[:2]
picked = []
with translation.override("fr"):
    for variant, on_hand in zip(variants, ({PIECES}, {TWIN_PIECES})):
        adjust_stock(variant_id=variant.pk, on_hand=on_hand, reason=MovementReason.CORRECTION,
                     actor=None, note="scripts/checkout_race.py")
        query = urlencode({{"colour": variant.colour.slug, "size": variant.size.slug}})
        picked.append({{"id": variant.pk, "url": f"{{variant.product.get_absolute_url()}}?{{query}}"}})
print(json.dumps(picked))
"""

# What the database holds afterwards: the run's orders (by the visitors' addresses) and the two stocks.
FACTS = """
import json, os
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import Order

asked = json.loads(os.environ["CHECKOUT_RACE"])
orders = Order.objects.filter(email__startswith=asked["email_prefix"]).prefetch_related("lines")
print(json.dumps({
    "orders": [
        {"email": order.email, "number": order.number,
         "lines": [[line.variant_id, line.quantity] for line in order.lines.all()]}
        for order in orders
    ],
    "stock": {
        str(record.variant_id): [record.on_hand, record.reserved]
        for record in StockRecord.objects.filter(variant_id__in=asked["variants"])
    },
}))
"""


class RaceFailure(Exception):
    pass


def django_shell(code: str, **environment: str) -> Any:
    """Run `code` in `manage.py shell` with this process's environment; its last line is JSON."""
    finished = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=PROJECT_DIR,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        raise RaceFailure(f"manage.py shell failed:\n{finished.stderr[-2000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect comes back as the answer: its cookies are kept, then it is followed


OPENER = urllib.request.build_opener(_NoRedirects)


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    text: str


@dataclass
class Visitor:
    """One person's browser: her own cookies, CSRF token and bag.

    Production marks the session and CSRF cookies Secure, and a browser on plain http would not send
    them back. This test is about the server behind its TLS proxy, so they are sent back anyway.
    """

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, path: str) -> Answer:
        return self._send(path, data=None)

    def post(self, path: str, data: dict[str, str]) -> Answer:
        return self._send(path, data=data)

    def follow(self, answer: Answer) -> Answer:
        return self.get(answer.location) if 300 <= answer.status < 400 else answer

    def _send(self, path: str, *, data: dict[str, str] | None) -> Answer:
        headers = {"User-Agent": "comptoir-checkout-race"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.base}
        request = urllib.request.Request(urljoin(self.base, path), data=body, headers=headers)  # noqa: S310
        try:
            response = OPENER.open(request, timeout=60)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        with response:
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie: SimpleCookie = SimpleCookie()
                cookie.load(header)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            return Answer(response.status, response.headers.get("Location", ""), text)


def form_fields(page: str, form_class: str) -> tuple[str, dict[str, str]]:
    """The action and hidden inputs (CSRF token, variant, idempotency key...) of the page's form."""
    found = re.search(rf'<form class="{form_class}"[^>]*action="([^"]+)"(.*?)</form>', page, re.DOTALL)
    if found is None:
        raise RaceFailure(f"no form.{form_class} on the page")
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', found.group(2))
    return html.unescape(found.group(1)), {name: html.unescape(value) for name, value in hidden}


def fill_bag(visitor: Visitor, *, variant_id: int, product_url: str, email: str) -> dict[str, str]:
    """Put one piece in her bag from the product page; return her checkout form, filled in."""
    action, fields = form_fields(visitor.get(product_url).text, "add-to-cart")
    if fields.get("variant") != str(variant_id):
        raise RaceFailure(f"the product page offers variant {fields.get('variant')}, not {variant_id}")
    added = visitor.post(action, fields)
    if added.status != 302:
        raise RaceFailure(f"adding to the bag answered {added.status}")
    page = visitor.get(CHECKOUT)
    if page.status != 200:
        raise RaceFailure(f"the checkout page answered {page.status}")
    _action, form = form_fields(page.text, "checkout__form")
    # The first home delivery offered (a relay point would need one chosen on Mondial Relay's site).
    delivery = re.search(
        r'<li class="choice-card">\s*<input type="radio" name="shipping_method" value="(\d+)"', page.text
    )
    if delivery is None or 'name="payment_method" value="bank_transfer"' not in page.text:
        raise RaceFailure("the checkout page offers no home delivery or no bank transfer")
    address = {
        "first_name": "Camille",
        "last_name": "Martin",
        "line1": "12 rue Oberkampf",
        "postcode": "75011",
        "city": "Paris",
        "country": "FR",
        "phone": "0612345678",
    }
    return (
        form
        | {f"shipping-{name}": value for name, value in address.items()}
        | {
            "email": email,
            "billing_same_as_shipping": "on",
            "shipping_method": delivery.group(1),
            "payment_method": "bank_transfer",
            "accept_terms": "on",
            "place": "1",
        }
    )


def place_order(visitor: Visitor, form: dict[str, str]) -> tuple[str, str]:
    """Press « Commander »: ("placed", the order page) or ("out of stock", "") or what went wrong."""
    answer = visitor.post(CHECKOUT, form)
    if answer.status >= 500:
        return f"server error {answer.status}", ""
    landed = visitor.follow(answer)
    if "/commande/" in answer.location and landed.status == 200:
        return "placed", answer.location
    # The shortage is told on the checkout page, or on the bag's page once her cart already shows it.
    if "épuisé" in landed.text and ('role="alert"' in landed.text or "cart-line--problem" in landed.text):
        return "out of stock", ""
    if "Votre panier est vide" in landed.text:
        return "empty bag", ""  # her twin request placed the order and emptied the bag first
    return f"unexpected {answer.status} {answer.location}", ""


def at_once(entries: list[tuple[Visitor, dict[str, str]]]) -> list[tuple[str, str]]:
    """Every form submitted at the same instant (a barrier releases all the threads together)."""
    barrier = threading.Barrier(len(entries))
    outcomes: list[tuple[str, str]] = [("not run", "")] * len(entries)

    def submit(index: int, visitor: Visitor, form: dict[str, str]) -> None:
        barrier.wait()
        try:
            outcomes[index] = place_order(visitor, form)
        except Exception as error:  # a timeout, a reset connection: reported, never hidden
            outcomes[index] = (f"error {error!r}", "")

    threads = [
        threading.Thread(target=submit, args=(index, visitor, form))
        for index, (visitor, form) in enumerate(entries)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def written_emails(folder: Path) -> list[tuple[str, str]]:
    """Every email the file backend wrote there, as (recipient, raw message); a file may hold several."""
    messages = []
    for path in folder.glob("*.log"):
        for message in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            messages += [
                (recipient, message) for recipient in re.findall(r"^To: (\S+)$", message, re.MULTILINE)
            ]
    return messages


def confirmations_for(orders: list[dict[str, Any]]) -> tuple[dict[str, int] | None, float]:
    """Per order number, how many emails naming it its customer received (waiting up to EMAIL_WAIT_SECONDS
    for the worker to write one each); None when the emails are not written in files."""
    if not os.environ.get("EMAIL_FILE_PATH"):
        return None, 0.0
    folder, started = Path(os.environ["EMAIL_FILE_PATH"]), time.monotonic()
    while True:
        messages = written_emails(folder)
        received = {
            order["number"]: sum(
                recipient == order["email"] and order["number"] in message for recipient, message in messages
            )
            for order in orders
        }
        waited = time.monotonic() - started
        if all(received.values()) or waited > EMAIL_WAIT_SECONDS:
            return received, waited
        time.sleep(0.5)


def main(base: str) -> int:
    picked = django_shell(PREPARE)
    if len(picked) != 2:
        raise RaceFailure("the demo shop has no two sized, coloured shirts free of orders")
    race, twin = picked
    email_prefix = f"race-{int(time.time())}-"
    visitors = [Visitor(base) for _ in range(VISITORS)]
    forms = [
        fill_bag(
            visitor,
            variant_id=race["id"],
            product_url=race["url"],
            email=f"{email_prefix}{index}@comptoir.example",
        )
        for index, visitor in enumerate(visitors)
    ]
    race_told = [outcome for outcome, _page in at_once(list(zip(visitors, forms, strict=True)))]
    double_clicker = Visitor(base)
    twin_form = fill_bag(
        double_clicker,
        variant_id=twin["id"],
        product_url=twin["url"],
        email=f"{email_prefix}twin@comptoir.example",
    )
    twin_outcomes = at_once([(double_clicker, twin_form)] * 2)

    facts = django_shell(
        FACTS,
        CHECKOUT_RACE=json.dumps({"email_prefix": email_prefix, "variants": [race["id"], twin["id"]]}),
    )
    orders = facts["orders"]
    twin_orders = [order for order in orders if order["email"].startswith(f"{email_prefix}twin@")]
    race_orders = [order for order in orders if order not in twin_orders]
    race_stock, twin_stock = facts["stock"][str(race["id"])], facts["stock"][str(twin["id"])]
    received, waited = confirmations_for(orders)
    failures = [
        *race_failures(told=race_told, orders=race_orders, variant_id=race["id"]),
        *double_click_failures(outcomes=twin_outcomes, orders=twin_orders),
        *stock_failures(race_stock, expected=[PIECES, PIECES]),
        *stock_failures(twin_stock, expected=[TWIN_PIECES, 1]),
        *[
            f"order {number}: {count} confirmation emails"
            for number, count in (received or {}).items()
            if count != 1
        ],
    ]
    told = Counter(race_told)
    emails = (
        "not checked (no EMAIL_FILE_PATH)"
        if received is None
        else f"{sum(received.values())} for {len(orders)} orders after {waited:.1f} s"
    )
    print(
        f"checkout race: {VISITORS} visitors for {PIECES} pieces: {told['placed']} orders, "
        f"{told['out of stock']} told « épuisé », stock {race_stock[0]} on hand / {race_stock[1]} reserved; "
        f"double click: told {[outcome for outcome, _page in twin_outcomes]}, {len(twin_orders)} order, "
        f"stock {twin_stock[0]} / {twin_stock[1]}; confirmation emails: {emails}; {len(failures)} failures"
    )
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


def race_failures(*, told: list[str], orders: list[dict[str, Any]], variant_id: int) -> list[str]:
    """As many orders as pieces, each of one piece; everyone else told « épuisé » (no 5xx, no other page)."""
    failures = []
    if Counter(told) != Counter({"placed": PIECES, "out of stock": VISITORS - PIECES}):
        failures.append(f"{VISITORS} visitors for {PIECES} pieces were told {dict(Counter(told))}")
    lines = [order["lines"] for order in orders]
    if lines != [[[variant_id, 1]]] * PIECES:
        failures.append(f"{len(orders)} orders in the database for {PIECES} pieces, with lines {lines}")
    return failures


def double_click_failures(*, outcomes: list[tuple[str, str]], orders: list[dict[str, Any]]) -> list[str]:
    """One order; each click shows it, or the emptied bag when it came after the other's commit."""
    told = [outcome for outcome, _page in outcomes]
    pages = {page for outcome, page in outcomes if outcome == "placed"}
    if len(orders) != 1 or len(pages) != 1 or not set(told) <= {"placed", "empty bag"}:
        return [f"a double click made {len(orders)} orders, its two answers were {told}, pages {pages}"]
    return []


def stock_failures(stock: list[int], *, expected: list[int]) -> list[str]:
    on_hand, reserved = stock
    if stock != expected or not 0 <= reserved <= on_hand:
        return [f"{on_hand} on hand and {reserved} reserved where {expected[0]} and {expected[1]} were due"]
    return []


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
    except RaceFailure as failure:
        print(f"checkout race: could not run: {failure}")
        sys.exit(1)
