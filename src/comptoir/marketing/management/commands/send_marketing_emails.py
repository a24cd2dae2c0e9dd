"""``manage.py send_marketing_emails``: back-in-stock alerts and forgotten-cart reminders, due now.

Run it every 15 minutes from cron (or a Celery beat schedule); each email goes once, however often
it runs.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...services.cart_reminders import remind_forgotten_carts
from ...services.stock_alerts import send_back_in_stock_alerts


class Command(BaseCommand):
    help = "Envoie les alertes de retour en stock et les relances de panier dues."

    def handle(self, *args: Any, **options: Any) -> None:
        alerts = send_back_in_stock_alerts()
        reminders = remind_forgotten_carts()
        self.stdout.write(
            f"{alerts} alerte(s) de retour en stock, {reminders} relance(s) de panier envoyée(s)."
        )
