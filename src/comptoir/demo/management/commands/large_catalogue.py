"""``manage.py large_catalogue``: 10,000 products, 100,000 variants on top of the demo shop (benchmarks)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comptoir.demo.services.build_large_catalogue import build_large_catalogue


class Command(BaseCommand):
    help = "Ajoute un très grand catalogue d'essai à la boutique de démonstration (pour les mesures)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--variants-per-product", type=int, default=10)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = build_large_catalogue(
                products=options["products"], variants_per_product=options["variants_per_product"]
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        verb = "already there" if report.already_there else "built"
        self.stdout.write(
            f"{report.products} products, {report.variants} variants {verb} in {report.seconds:.1f} s"
        )
