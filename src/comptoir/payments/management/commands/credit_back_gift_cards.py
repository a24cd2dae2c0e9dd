from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from comptoir.payments.services.credit_gift_card import credit_back_cancelled_orders


class Command(BaseCommand):
    help = (
        "Recrédite les cartes cadeaux des commandes annulées (à lancer chaque jour, après "
        "cancel_unpaid_orders)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        numbers = credit_back_cancelled_orders()
        if numbers:
            self.stdout.write(f"Cartes cadeaux recréditées pour : {', '.join(numbers)}")
        else:
            self.stdout.write("Aucune carte cadeau à recréditer.")
