from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comptoir.workflow.services.cancel_expired_unpaid_orders import cancel_expired_unpaid_orders


class Command(BaseCommand):
    help = (
        "Annule les commandes impayées : virements après COMPTOIR_UNPAID_ORDER_DAYS jours, paiements "
        "par carte refusés ou abandonnés après COMPTOIR_CARD_PAYMENT_WINDOW_MINUTES minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        numbers = cancel_expired_unpaid_orders(now=timezone.now())
        days = settings.COMPTOIR_UNPAID_ORDER_DAYS
        if numbers:
            self.stdout.write(
                f"{len(numbers)} commande(s) impayée(s) depuis {days} jours annulée(s) : {', '.join(numbers)}"
            )
        else:
            self.stdout.write(f"Aucune commande impayée depuis {days} jours.")
