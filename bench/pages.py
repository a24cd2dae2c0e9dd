"""How fast the boutique answers, next to the framework's floor; how fast orders are placed.

Run with ``make bench``. In a throw-away folder it builds the demo shop (without photos: drawing them
takes minutes), serves it with gunicorn, then serves a bare Django view returning a constant page of
the size of our home page (the floor) with the same gunicorn settings, and loads each on 127.0.0.1
with ``wrk`` (a small Python load generator when wrk is missing). It prints requests per second, p50
and p99 latency and the ratio ours/floor for home, a collection, a product and add-to-cart; SQL
queries and gzip-compressed bytes per page; the same pages once 10,000 products and 100,000 variants
are added; and order placements per second with 8 concurrent buyers on SQLite and on PostgreSQL
(``BENCH_PG_URL``, the local server by default), checking that no piece was sold twice.

Nothing is asserted: the figures are for reading (targets in issue 9). The machine is shared, so
compare figures of the same run, not of two runs.
"""

# ruff: noqa: S603, S607, E501 (a benchmark starting our own commands; code run in subprocesses)
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
CONNECTIONS = 8
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
BUYERS = 8
ORDERS_PER_BUYER = int(os.environ.get("BENCH_ORDERS_PER_BUYER", "40"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/comptoir_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")  # a database of its own
# BENCH_PARTS=pages,orders runs only those parts (all by default): a before/after of one change.
PARTS = set(os.environ.get("BENCH_PARTS", "pages,lighthouse,rendered,oscar,large,orders").split(","))
LIGHTHOUSE = ROOT / "var" / "npm" / "node_modules" / "lighthouse" / "cli" / "index.js"  # make lighthouse-deps
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
OSCAR = os.environ.get("BENCH_OSCAR", "django-oscar[sorl-thumbnail]==4.2.1")

FLOOR_APP = """
import os
from django.http import HttpResponse
from django.urls import path
SECRET_KEY = "floor"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
PAGE = b"x" * int(os.environ["FLOOR_BYTES"])
def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")
urlpatterns = [path("", page)]
"""


# --- serving ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn with the same settings for every contender: WORKERS sync workers, no access log."""

    def __init__(self, app: str, env: dict[str, str], cwd: Path, *, bin_folder: Path = BIN) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(bin_folder / "gunicorn"), app, "--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "warning", "--keep-alive", "5"],
            env=env, cwd=cwd,
        )  # fmt: skip
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{app} did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the master and its workers: on a shared machine, CPU
        per request is steadier than requests per second, which other people's work lowers."""
        pids = [self.process.pid]
        try:
            pids += Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            ticks = 0
            for pid in pids:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            return 0.0
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


# --- load -------------------------------------------------------------------------------------------------
WRK_POST = """
wrk.method = "POST"
wrk.body = "{body}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "{cookie}"
wrk.headers["Referer"] = "{referer}"
"""


def _seconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def load(
    url: str, *, post: dict[str, str] | None = None, folder: Path, server: Gunicorn | None = None
) -> dict[str, float]:
    """Requests per second, p50 and p99 latency (ms) at CONNECTIONS connections for SECONDS, and the
    server's CPU milliseconds per request when ``server`` is given."""
    cpu_before = server.cpu_seconds() if server else 0.0
    figures = _load(url, post=post, folder=folder)
    if server is not None and figures["rps"]:
        figures["cpu_ms"] = (server.cpu_seconds() - cpu_before) * 1000 / (figures["rps"] * SECONDS)
    return figures


def _load(url: str, *, post: dict[str, str] | None, folder: Path) -> dict[str, float]:
    if shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency", url]
        if post is not None:
            script = folder / "post.lua"
            script.write_text(WRK_POST.format(**post))
            command[1:1] = ["-s", str(script)]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        return {
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
            "p50": _seconds(percentiles["50"]) * 1000,
            "p99": _seconds(percentiles["99"]) * 1000,
            "errors": float(errors.group(1)) if errors else 0.0,
        }
    return python_load(url, post=post)


def python_load(url: str, *, post: dict[str, str] | None) -> dict[str, float]:
    """The fallback: CONNECTIONS threads on keep-alive connections (slower than wrk, so a lower bound)."""
    host, _, path = url.removeprefix("http://").partition("/")
    latencies: list[float] = []
    errors = [0]
    stop_at = time.perf_counter() + SECONDS

    def worker() -> None:
        connection = HTTPConnection(host, timeout=10)
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            if post is None:
                connection.request("GET", "/" + path)
            else:
                connection.request("POST", "/" + path, body=post["body"], headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Cookie": post["cookie"],
                    "Referer": post["referer"]})  # fmt: skip
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            if response.status >= 400:
                errors[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / SECONDS,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "errors": float(errors[0]),
    }


def print_load(name: str, figures: dict[str, float], floor: dict[str, float] | None) -> None:
    ratio = f"{figures['rps'] / floor['rps']:6.0%} of the floor" if floor else ""
    cpu = f"   CPU {figures['cpu_ms']:5.2f} ms/req" if "cpu_ms" in figures else ""
    if floor and "cpu_ms" in figures and floor.get("cpu_ms"):
        cpu += f" ({floor['cpu_ms'] / figures['cpu_ms']:4.0%} of the floor's speed)"
    errors = f"  ({figures['errors']:.0f} errors)" if figures["errors"] else ""
    print(f"  {name:<28} {figures['rps']:8.0f} req/s   p50 {figures['p50']:6.1f} ms   "
          f"p99 {figures['p99']:6.1f} ms   {ratio}{cpu}{errors}")  # fmt: skip


# --- the shop, in-process (queries, bytes, addresses) -------------------------------------------------------
def shop_facts(env: dict[str, str]) -> dict:
    """SQL queries (rendered, then from the cache) and gzip bytes per page, and the pages' addresses."""
    code = r"""
import gzip, json, django
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from comptoir.catalog.models import Collection, Product
from comptoir.inventory.models import StockRecord
with translation.override("fr"):
    collection = Collection.objects.filter(is_published=True).order_by("id").first()
    product = Product.objects.sellable().filter(slug__startswith="chemise").order_by("id").first()
    pages = {"home": "/fr/", "collection": collection.get_absolute_url(),
             "product": product.get_absolute_url(), "search": "/fr/recherche/?q=chemise"}
    record = StockRecord.objects.filter(variant__product=product, on_hand__gte=10).select_related(
        "variant__colour", "variant__size").first()
    size_url = f"{pages['product']}?colour={record.variant.colour.slug}&size={record.variant.size.slug}"
from comptoir.catalog.models import Variant
facts = {"pages": pages, "size_url": size_url, "queries": {}, "cached_queries": {}, "bytes": {}, "gzip": {},
         "products": Product.objects.sellable().count(),
         "variants": Variant.objects.sellable().count()}
client = Client()
for name, url in pages.items():
    cache.clear()
    with CaptureQueriesContext(connection) as rendered:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    facts["queries"][name] = len(rendered.captured_queries)
    facts["cached_queries"][name] = len(cached.captured_queries)
    facts["bytes"][name] = len(response.content)
    facts["gzip"][name] = len(gzip.compress(response.content, 6))
print(json.dumps(facts))
"""
    output = subprocess.run([PYTHON, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    if output.returncode:
        raise RuntimeError(output.stderr)
    return json.loads(output.stdout.strip().splitlines()[-1])


def add_to_cart_form(server: Gunicorn, product_url: str) -> dict[str, str]:
    """A visitor's CSRF cookie and token and a variant in stock: each POST then opens a new bag."""
    response = urllib.request.urlopen(server.url(product_url))  # noqa: S310
    html = response.read().decode()
    cookie = next(
        header.split(";")[0]
        for header in response.headers.get_all("Set-Cookie")
        if header.startswith("csrftoken")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    variant = re.search(r'name="variant" value="(\d+)"', html).group(1)  # type: ignore[union-attr]
    return {
        "body": f"csrfmiddlewaretoken={token}&variant={variant}&quantity=1",
        "cookie": cookie,
        "referer": server.url(product_url),
    }


# --- orders --------------------------------------------------------------------------------------------------
ORDERS_CODE = r"""
import json, os, time, django
django.setup()
from decimal import Decimal
from django.core.management import call_command
from django.db import connection
from django.db.models import F
call_command("migrate", verbosity=0)
from comptoir.cart.models import Cart, CartLine
from comptoir.checkout.services.place_order import place_order
from comptoir.checkout.errors import OutOfStock
from comptoir.inventory.models import StockRecord
from comptoir.orders.models import OrderLine
from tests.checkout.conftest import PARIS, colissimo_option
from tests.factories import VariantFactory
buyers, per_buyer = int(os.environ["BUYERS"]), int(os.environ["PER_BUYER"])
scarce = VariantFactory(on_hand=buyers * per_buyer // 4)  # half the carts want it, for a quarter: refusals too
plenty = [VariantFactory(on_hand=10_000) for _ in range(4)]
shipping = colissimo_option()
carts = []
for index in range(buyers * per_buyer):
    cart = Cart.objects.create()
    CartLine.objects.create(cart=cart, variant=plenty[index % 4], quantity=1)
    if index % 2 == 0:
        CartLine.objects.create(cart=cart, variant=scarce, quantity=1)
    carts.append(cart)
# Each buyer is a process with its own connection, as gunicorn's workers are (threads would share one GIL).
import multiprocessing
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from django.db import connections
connections.close_all()
def buyer(number, results, start):
    placed, refused, errors = 0, 0, []
    start.wait()
    cpu_before = time.process_time()
    for index in range(number, len(carts), buyers):
        try:
            place_order(cart=carts[index], customer=None, email=f"b{index}@example.com", shipping_address=PARIS,
                        billing_address=None, shipping_option=shipping, payment_method=BankTransferProvider.code,
                        idempotency_key=f"bench-order-{index:06d}-key", language="fr", terms_accepted=True)
            placed += 1
        except OutOfStock:
            refused += 1
        except Exception as error:
            errors.append(repr(error))
    connections.close_all()
    results.put((placed, refused, errors, time.process_time() - cpu_before))
context = multiprocessing.get_context("fork")
results, start = context.Queue(), context.Event()
processes = [context.Process(target=buyer, args=(n, results, start)) for n in range(buyers)]
for process in processes: process.start()
time.sleep(1)  # every buyer forked and waiting
started = time.perf_counter()
start.set()
outcomes = {"placed": 0, "refused": 0, "errors": [], "cpu": 0.0}
for _ in processes:
    placed, refused, errors, cpu = results.get()
    outcomes["placed"] += placed; outcomes["refused"] += refused; outcomes["errors"] += errors
    outcomes["cpu"] += cpu
seconds = time.perf_counter() - started
for process in processes: process.join()
record = StockRecord.objects.get(variant=scarce)
sold = sum(OrderLine.objects.filter(variant=scarce).values_list("quantity", flat=True))
outcomes.update(seconds=seconds, scarce_on_hand=record.on_hand, scarce_reserved=record.reserved, scarce_sold=sold,
                oversold=StockRecord.objects.filter(reserved__gt=F("on_hand")).exists() or sold > record.on_hand)
print(json.dumps(outcomes))
"""


def order_placements(database_url: str, env: dict[str, str], *, redis_url: str = "") -> dict | str:
    """With ``redis_url`` (the scaled shape), confirmation emails go to the Celery queue in Redis, as
    in production; without it they are rendered in the buyer's process after commit (the embedded shop)."""
    env = {**env, "DATABASE_URL": database_url, "BUYERS": str(BUYERS), "PER_BUYER": str(ORDERS_PER_BUYER),
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}  # fmt: skip
    if redis_url:
        env["REDIS_URL"] = redis_url
    try:
        output = subprocess.run(
            [PYTHON, "-c", ORDERS_CODE], env=env, cwd=ROOT, capture_output=True, text=True
        )
    finally:
        if redis_url:  # the bench's own Redis database: its queued emails and cache go
            subprocess.run([PYTHON, "-c", f"import redis; redis.Redis.from_url({redis_url!r}).flushdb()"])
    if output.returncode:
        return output.stderr.strip().splitlines()[-1]
    return json.loads(output.stdout.strip().splitlines()[-1])


def postgres_database() -> str | None:
    """A fresh bench database on the PostgreSQL server of BENCH_PG_URL, or None when there is none."""
    server, _, name = PG_URL.rpartition("/")
    for statement in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        done = subprocess.run(
            ["psql", f"{server}/postgres", "-qc", statement], capture_output=True, text=True
        )
        if done.returncode:
            print(f"  PostgreSQL: {done.stderr.strip() or 'psql failed'}")
            return None
    return PG_URL


def redis_answers() -> bool:
    done = subprocess.run([PYTHON, "-c", f"import redis; redis.Redis.from_url({REDIS_URL!r}).ping()"],
                          capture_output=True)  # fmt: skip
    return done.returncode == 0


def print_orders(name: str, outcome: dict | str) -> None:
    if isinstance(outcome, str):
        print(f"  {name:<11} failed: {outcome}")
        return
    attempts = outcome["placed"] + outcome["refused"]
    verdict = "OVERSOLD" if outcome["oversold"] else "never oversold"
    print(f"  {name:<11} {outcome['placed'] / outcome['seconds']:6.1f} orders/s, {attempts / outcome['seconds']:6.1f} "
          f"placements/s ({outcome['placed']} orders, "
          f"{outcome['refused']} refused out of stock, {len(outcome['errors'])} errors) with {BUYERS} buyers; "
          f"last pieces: {outcome['scarce_sold']} sold of {outcome['scarce_on_hand']}, {verdict}; "
          f"buyers' CPU {outcome['cpu'] * 1000 / max(attempts, 1):.1f} ms per placement")  # fmt: skip
    for error in outcome["errors"][:3]:
        print(f"      {error}")


# --- the run --------------------------------------------------------------------------------------------------
def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *arguments], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def measure_shop(env: dict[str, str], facts: dict, folder: Path, floor: dict | None) -> dict[str, dict]:
    server = Gunicorn("comptoir.config.wsgi", env, ROOT)
    try:
        results = {}
        for name in ("home", "collection", "product"):
            results[name] = load(server.url(facts["pages"][name]), folder=folder, server=server)
            print_load(name, results[name], floor)
        results["search"] = load(server.url(facts["pages"]["search"]), folder=folder, server=server)
        print_load("search (never cached)", results["search"], floor)
        form = add_to_cart_form(server, facts["size_url"])
        results["add to cart"] = load(
            server.url("/fr/panier/ajouter/"), post=form, folder=folder, server=server
        )
        print_load("add to cart (new bag each)", results["add to cart"], floor)
        return results
    finally:
        server.stop()


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    folder = Path(tempfile.mkdtemp(prefix="comptoir-bench-pages-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "comptoir.config.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}",
        "COMPTOIR_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'shop.sqlite3'}",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
        "COMPTOIR_DEMO_APP": "1",  # the pages measured are the demo shop's (manage.py demo_shop)
    }
    env.pop("REDIS_URL", None)
    try:
        if PARTS & {"pages", "rendered", "large"}:
            pages(env, folder)
        if "orders" in PARTS:
            print(
                f"\nOrder placements through checkout's place_order, {BUYERS} concurrent buyers "
                "(target: 50 orders/s on PostgreSQL; a quarter of the attempts find the last pieces gone)"
            )
            print_orders("SQLite", order_placements(f"sqlite:///{folder / 'orders.sqlite3'}", env))
            postgres = postgres_database()
            if postgres:
                print_orders("PostgreSQL", order_placements(postgres, env))
                if redis_answers():
                    postgres = postgres_database()
                    print_orders("PG + Redis", order_placements(postgres, env, redis_url=REDIS_URL))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def pages(env: dict[str, str], folder: Path) -> None:
    started = time.perf_counter()
    manage(env, "migrate", "--no-input")
    manage(env, "demo_shop", "--without-images")
    manage(env, "collectstatic", "--no-input")
    print(f"demo shop built in {time.perf_counter() - started:.0f} s; gunicorn: {WORKERS} workers; "
          f"load: {'wrk' if shutil.which('wrk') else 'Python threads'}, {CONNECTIONS} connections, "
          f"{SECONDS} s per page")  # fmt: skip
    facts = shop_facts(env)
    print("\nSQL queries per page (rendered / from the cache), HTML bytes (raw / gzip -6)")
    for name in facts["pages"]:
        print(f"  {name:<11} {facts['queries'][name]:3d} / {facts['cached_queries'][name]:d} queries"
              f"   {facts['bytes'][name]:7d} / {facts['gzip'][name]:6d} bytes")  # fmt: skip

    print(f"\nThe floor: a bare Django view, a constant page of {facts['bytes']['home']} bytes")
    (folder / "floor.py").write_text(FLOOR_APP)
    floor_env = {**env, "DJANGO_SETTINGS_MODULE": "floor", "PYTHONPATH": str(folder),
                 "FLOOR_BYTES": str(facts["bytes"]["home"])}  # fmt: skip
    floor_server = Gunicorn("django.core.wsgi:get_wsgi_application()", floor_env, folder)
    try:
        floor = load(floor_server.url("/"), folder=folder, server=floor_server)
    finally:
        floor_server.stop()
    print_load("constant page", floor, None)

    print("\nComptoir, the demo shop (anonymous visitors: pages from the cache)")
    cached = measure_shop(env, facts, folder, floor)
    rendered: dict[str, dict] = {}
    if PARTS & {"rendered", "large", "oscar"}:
        print("\nComptoir, every page rendered (COMPTOIR_PAGE_CACHE_SECONDS=0)")
        rendered = measure_shop({**env, "COMPTOIR_PAGE_CACHE_SECONDS": "0"}, facts, folder, floor)
    if "lighthouse" in PARTS:
        lighthouse(env, facts, folder)
    if "oscar" in PARTS:
        oscar(env, folder, facts, floor, {"cached": cached, "rendered": rendered})
    if "large" in PARTS:
        large_catalogue(env, folder, facts, floor, rendered)


# --- Lighthouse -----------------------------------------------------------------------------------------------
def lighthouse(env: dict[str, str], facts: dict, folder: Path) -> None:
    """Lighthouse's mobile profile (its default) on home and a product page, and the home page's weight."""
    print("\nLighthouse (mobile profile), the demo shop served by gunicorn (targets: 95 and 95)")
    server = Gunicorn("comptoir.config.wsgi", env, ROOT)
    try:
        print(f"  home page: HTML+CSS+JS {home_weight(server, facts['pages']['home']) / 1000:.1f} KB gzip -6 "
              "(target: under 60 KB)")  # fmt: skip
        if not LIGHTHOUSE.exists() or not Path(CHROME).exists():
            print(f"  skipped: {LIGHTHOUSE} or {CHROME} missing (make lighthouse-deps)")
            return
        for name in ("home", "product"):
            report = folder / f"lighthouse-{name}.json"
            done = subprocess.run(
                ["node", str(LIGHTHOUSE), server.url(facts["pages"][name]), "--quiet", "--output=json",
                 f"--output-path={report}", "--only-categories=performance,accessibility",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True,
            )  # fmt: skip
            if done.returncode or not report.exists():
                print(f"  {name:<11} Lighthouse failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
                continue
            result = json.loads(report.read_text())
            scores = {
                key: round((category["score"] or 0) * 100) for key, category in result["categories"].items()
            }
            failing = [
                audit["id"] for audit in result["audits"].values()
                if audit.get("score") is not None and audit["score"] < 0.9
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            ]  # fmt: skip
            print(f"  {name:<11} performance {scores.get('performance', 0):3d}   accessibility "
                  f"{scores.get('accessibility', 0):3d}   below 90: {', '.join(failing[:8]) or 'nothing'}")  # fmt: skip
    finally:
        server.stop()


def home_weight(server: Gunicorn, path: str) -> int:
    """Bytes of the page's HTML, stylesheets and scripts (same origin), each gzip-compressed at level 6."""
    import gzip

    html = urllib.request.urlopen(server.url(path)).read()  # noqa: S310
    total = len(gzip.compress(html, 6))
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="(/[^"]+)"|<script[^>]+src="(/[^"]+)"', html)
    for stylesheet, script in assets:
        body = urllib.request.urlopen(server.url((stylesheet or script).decode())).read()  # noqa: S310
        total += len(gzip.compress(body, 6))
    return total


# --- Django Oscar, from PyPI, in its own virtual environment ---------------------------------------------------
def oscar(env: dict[str, str], folder: Path, facts: dict, floor: dict, ours: dict[str, dict]) -> None:
    """Oscar's shop with as many products and sizes as ours, served and loaded the same way."""
    sizes = max(round(facts["variants"] / max(facts["products"], 1)), 1)
    print(f"\nDjango Oscar ({OSCAR}), {facts['products']} products of {sizes} sizes, same gunicorn settings")
    started = time.perf_counter()
    venv, shop = folder / "oscar-venv", folder / "oscar"
    oscar_env = {**env, "DJANGO_SETTINGS_MODULE": "oscar_shop.settings", "PYTHONPATH": str(shop),
                 "OSCAR_FOLDER": str(shop)}  # fmt: skip
    oscar_env.pop("DATABASE_URL", None)
    try:
        subprocess.run([shutil.which("python3") or PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", OSCAR, "gunicorn"], check=True,
                       capture_output=True)  # fmt: skip
        shutil.copytree(ROOT / "bench" / "oscar_shop", shop / "oscar_shop")
        python = str(venv / "bin" / "python")
        subprocess.run([python, "-m", "django", "migrate", "-v0"], env=oscar_env, cwd=shop, check=True,
                       capture_output=True)  # fmt: skip
        built = subprocess.run(
            [python, str(shop / "oscar_shop" / "build_catalogue.py"), str(facts["products"]), str(sizes)],
            env=oscar_env, cwd=shop, check=True, capture_output=True, text=True,
        )  # fmt: skip
        oscar_facts = json.loads(built.stdout.strip().splitlines()[-1])
    except (subprocess.CalledProcessError, OSError, ValueError) as error:
        reason = getattr(error, "stderr", "") or error
        print(f"  Oscar could not be set up: {str(reason).strip().splitlines()[-1:]}")
        return
    print(f"  installed and built in {time.perf_counter() - started:.0f} s")
    server = Gunicorn("django.core.wsgi:get_wsgi_application()", oscar_env, shop, bin_folder=venv / "bin")
    try:
        results = {}
        for name in ("home", "collection", "product"):
            results[name] = load(server.url(oscar_facts["pages"][name]), folder=folder, server=server)
            print_load(name, results[name], floor)
        form = post_form(server, oscar_facts["size_url"], fields="quantity=1")
        results["add to cart"] = load(
            server.url(oscar_facts["add_to_cart"]), post=form, folder=folder, server=server
        )
        print_load("add to cart (new basket each)", results["add to cart"], floor)
    finally:
        server.stop()
    print("Ours / Oscar, requests per second (target: at least 3x on anonymous pages) and p99")
    for name in ("home", "collection", "product", "add to cart"):
        line = f"  {name:<12}"
        for kind in ("cached", "rendered"):
            if name in ours[kind]:
                line += (f"  {kind} {ours[kind][name]['rps'] / results[name]['rps']:5.1f}x"
                         f" (p99 {ours[kind][name]['p99']:5.0f} vs {results[name]['p99']:5.0f} ms)")  # fmt: skip
        print(line)


def post_form(server: Gunicorn, page_url: str, *, fields: str) -> dict[str, str]:
    """A visitor's CSRF cookie and token from a page, for POSTs of ``fields`` (each opens a new basket)."""
    response = urllib.request.urlopen(server.url(page_url))  # noqa: S310
    html = response.read().decode()
    cookie = next(
        header.split(";")[0]
        for header in response.headers.get_all("Set-Cookie")
        if header.startswith("csrftoken")
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    return {
        "body": f"csrfmiddlewaretoken={token}&{fields}",
        "cookie": cookie,
        "referer": server.url(page_url),
    }


def large_catalogue(env: dict[str, str], folder: Path, facts: dict, floor: dict, rendered: dict) -> None:
    started = time.perf_counter()
    manage(env, "large_catalogue")
    print(f"\n10,000 products and 100,000 variants added in {time.perf_counter() - started:.0f} s")
    large_facts = shop_facts(env)
    for name in facts["pages"]:
        print(f"  {name:<11} {large_facts['queries'][name]:3d} queries (demo shop: {facts['queries'][name]})")
    print("Comptoir with the large catalogue, every page rendered")
    large = measure_shop({**env, "COMPTOIR_PAGE_CACHE_SECONDS": "0"}, large_facts, folder, floor)
    print("Latency with the large catalogue / with the demo shop, every page rendered (target: under 2x)")
    for name in ("home", "collection", "product", "search"):
        print(f"  {name:<11} p50 {large[name]['p50'] / rendered[name]['p50']:4.1f}x   "
              f"p99 {large[name]['p99'] / rendered[name]['p99']:4.1f}x")  # fmt: skip
    crawler_files(env)


def crawler_files(env: dict[str, str]) -> None:
    """What crawlers fetch, with the large catalogue: first fetch (made), then again (kept)."""
    print("Crawlers' files with the large catalogue (one gunicorn worker's time: first fetch, then again)")
    server = Gunicorn("comptoir.config.wsgi", {**env, "GUNICORN_CMD_ARGS": "--timeout 120"}, ROOT)
    try:
        for path in ("/sitemap.xml", "/sitemap-products.xml", "/feeds/google-merchant-fr.xml"):
            times, size = [], 0
            for _ in range(2):
                started = time.perf_counter()
                with urllib.request.urlopen(server.url(path), timeout=120) as response:  # noqa: S310
                    size = len(response.read())
                times.append(time.perf_counter() - started)
            print(f"  {path:<31} {times[0]:6.2f} s, then {times[1]:5.2f} s   {size / 1e6:6.1f} MB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
