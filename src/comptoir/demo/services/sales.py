"""The demo shop's last eight weeks of sales, played through the real services at their past dates.

Each order is placed from a real cart, paid (demo bank transfers), packed in the next morning's
batch, shipped and, when old enough, delivered (yesterday's orders wait in « À préparer »);
reseller orders on terms are placed from the draft, shipped with their invoice, and one is paid.
So the cockpit's dashboard, the invoices, the sales journal and the FEC of the demo year all read
what a real shop would have written, gapless numbers and balanced entries included. Time is moved
with time-machine, for the demo build only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

import time_machine
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from comptoir.cart.models import Cart
from comptoir.cart.services.edit_cart import add_to_cart
from comptoir.catalog.models import Variant
from comptoir.checkout.services.place_order import place_order
from comptoir.checkout.services.place_reseller_order import place_reseller_order
from comptoir.core.addresses import PostalAddress
from comptoir.core.money import Money
from comptoir.fulfillment.services.prepare_batch import prepare_batch
from comptoir.inventory.selectors import available_quantities
from comptoir.orders.models import Order
from comptoir.orders.services.mark_order_delivered import mark_order_delivered
from comptoir.payments.providers.bank_transfer import BankTransferProvider
from comptoir.payments.services.start_payment import start_payment
from comptoir.resellers.models import Buyer
from comptoir.resellers.services.draft_orders import set_grid_quantities
from comptoir.shipping.selectors import shipping_options
from comptoir.workflow.services.pay_order import mark_payment_paid
from comptoir.workflow.services.record_terms_payment import record_terms_payment
from comptoir.workflow.services.ship_and_invoice import ship_order_and_invoice

DAYS = 56
CUSTOMERS = [
    ("Camille", "Durand", "12 rue des Martyrs", "75009", "Paris"),
    ("Hugo", "Lefèvre", "4 quai Saint-Vincent", "69001", "Lyon"),
    ("Léa", "Moreau", "27 cours Julien", "13006", "Marseille"),
    ("Thomas", "Girard", "8 rue Sainte-Catherine", "33000", "Bordeaux"),
    ("Inès", "Fontaine", "15 rue de la Monnaie", "59800", "Lille"),
    ("Julien", "Roux", "3 place du Capitole", "31000", "Toulouse"),
    ("Chloé", "Bernard", "21 rue Kléber", "67000", "Strasbourg"),
    ("Antoine", "Petit", "9 rue de Strasbourg", "44000", "Nantes"),
]


@dataclass(frozen=True)
class DemoSales:
    boutique: int
    resellers: int


def ensure_demo_sales(*, seed: int = 2026) -> DemoSales | None:
    """Plays the history once, on a shop without orders; None when orders exist already."""
    if Order.objects.exists():
        return None
    # Nobody to write to: the history's emails (confirmations, invoices) are not even written, which
    # spares rendering an invoice PDF per email (two thirds of the replay's time).
    with override_settings(
        COMPTOIR_DROP_JOBS=True, EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
    ):
        return _play_history(seed=seed)


def _play_history(*, seed: int) -> DemoSales | None:
    chance = random.Random(seed)
    variants = list(
        Variant.objects.sellable()
        .exclude(product__is_gift_card=True)
        .select_related("product")
        .order_by("pk")
    )
    if not variants:
        return None
    today = timezone.localdate()
    boutique = 0
    for offset in range(DAYS, 0, -1):
        day = today - timedelta(days=offset)
        orders = []
        for number in range(chance.choice([0, 1, 1, 2, 2, 3])):
            at = _moment(day, 9 + 4 * number + chance.randint(0, 3))
            with time_machine.travel(at, tick=False):
                order = _boutique_order(chance=chance, variants=variants, key=f"demo-{day}-{number}")
            if order is not None:
                orders.append(order)
                boutique += 1
        if orders and offset > 1:  # packed and shipped the next morning (yesterday's wait for today)
            with time_machine.travel(_moment(day + timedelta(days=1), 10), tick=False):
                prepare_batch(order_ids=[order.pk for order in orders], actor=None)
                for order in orders:
                    ship_order_and_invoice(order=order, actor_label="demo")
            if offset > 3:
                with time_machine.travel(_moment(day + timedelta(days=3), 15), tick=False):
                    for order in orders:
                        mark_order_delivered(order=order, actor_label="demo")
    resellers = _reseller_orders(chance=chance, variants=variants, today=today)
    return DemoSales(boutique=boutique, resellers=resellers)


def _moment(day: object, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(min(hour, 22), 17)))  # type: ignore[arg-type]


def _boutique_order(*, chance: random.Random, variants: list[Variant], key: str) -> Order | None:
    first, last, line1, postcode, city = chance.choice(CUSTOMERS)
    available = available_quantities(variant_ids=[variant.pk for variant in variants])
    in_stock = [variant for variant in variants if available.get(variant.pk, 0) > 2]
    if not in_stock:
        return None
    with transaction.atomic():
        cart = Cart.objects.create()
        for variant in chance.sample(in_stock, k=chance.choice([1, 1, 1, 2])):
            add_to_cart(cart=cart, variant_id=variant.pk, quantity=1)
        subtotal = sum(
            (line.variant.retail_price or line.variant.product.retail_price) * line.quantity
            for line in cart.lines.select_related("variant__product")
        )
        options = shipping_options(country="FR", weight_grams=400, subtotal_gross=Money(Decimal(subtotal)))
        option = next((option for option in options if not option.requires_pickup_point), None)
        if option is None:
            return None
        order = place_order(
            cart=cart,
            customer=None,
            email=f"{first.lower()}.{last.lower()}@example.com".replace("è", "e").replace("é", "e"),
            shipping_address=PostalAddress(
                first_name=first, last_name=last, line1=line1, postcode=postcode, city=city, country="FR"
            ),
            billing_address=None,
            shipping_option=option,
            payment_method=BankTransferProvider.code,
            idempotency_key=key,
            language="fr",
            terms_accepted=True,
        )
        payment = start_payment(
            order=order, provider_code=BankTransferProvider.code, return_url="/", cancel_url="/"
        )
        mark_payment_paid(payment_id=payment.payment.pk, actor_label="demo")
    return order


def _reseller_orders(*, chance: random.Random, variants: list[Variant], today: object) -> int:
    buyer = Buyer.objects.select_related("company", "user").filter(company__is_active=True).first()
    if buyer is None:
        return 0
    placed = 0
    for number, offset in enumerate((41, 19)):
        day = today - timedelta(days=offset)  # type: ignore[operator]
        available = available_quantities(variant_ids=[variant.pk for variant in variants])
        stocked = [variant for variant in variants if available.get(variant.pk, 0) >= 8]
        product = chance.choice(stocked).product
        run = [variant for variant in stocked if variant.product_id == product.pk][:4]
        with time_machine.travel(_moment(day, 11), tick=False):
            set_grid_quantities(buyer=buyer, product=product, quantities={variant.pk: 4 for variant in run})
            orders = place_reseller_order(
                buyer=buyer,
                purchase_order_reference=f"BC-{day:%y%m}-{number + 1:02d}",
                idempotency_key=f"demo-reseller-{number}",
                language="fr",
            )
        with time_machine.travel(_moment(day + timedelta(days=2), 10), tick=False):
            prepare_batch(order_ids=[order.pk for order in orders], actor=None)
            for order in orders:
                ship_order_and_invoice(order=order, actor_label="demo")
        if number == 0:  # the first one is paid by its due date; the second is still running
            with time_machine.travel(_moment(day + timedelta(days=30), 9), tick=False):
                for order in orders:
                    record_terms_payment(order=order, actor=None, reference="VIR-DEMO-0001")
        placed += len(orders)
    return placed
