"""``manage.py send_comment_digest``: the founder's hourly email of comments to moderate (cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...services.notify import send_founder_digest


class Command(BaseCommand):
    help = "Envoie à la fondatrice le récapitulatif des commentaires à modérer (au plus une fois par heure)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_founder_digest()
        self.stdout.write(f"{count} commentaire(s) signalé(s).")
