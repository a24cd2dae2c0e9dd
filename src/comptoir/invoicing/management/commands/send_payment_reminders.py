"""``manage.py send_payment_reminders``: remind resellers of overdue invoices (cron, daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...services.payment_reminders import send_payment_reminders


class Command(BaseCommand):
    help = "Relance les revendeurs dont une facture est échue (le lendemain, puis toutes les deux semaines)."

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = send_payment_reminders()
        self.stdout.write(f"{len(reminded)} relance(s) envoyée(s) {' '.join(reminded)}".strip())
