"""``manage.py send_low_stock_digest``: the founder's daily low-stock email (cron, each morning)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...services.low_stock_digest import send_low_stock_digest


class Command(BaseCommand):
    help = "Envoie à la fondatrice la liste des variantes en stock bas (une fois par jour)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_low_stock_digest()
        self.stdout.write(f"{count} variante(s) en stock bas signalée(s).")
