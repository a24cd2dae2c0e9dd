"""``manage.py demo_shop``: fill an empty shop with Maison Lavande's catalogue, its shipping and the
founder's login, its pages, resellers, events and past sales.

It lives in the demo app, above every domain app it fills; a production shop leaves that app out.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from comptoir.demo.catalogue_data import STAFF_EMAIL, STAFF_PASSWORD
from comptoir.demo.services.build_catalogue import build_demo_shop
from comptoir.demo.services.content import (
    DEMO_CONTACT_EMAIL,
    DEMO_PUBLISHER,
    ensure_demo_content,
    ensure_legal_pages,
)
from comptoir.demo.services.events import ensure_demo_events
from comptoir.demo.services.identity import ensure_demo_identity
from comptoir.demo.services.resellers import (
    DEMO_BUYER_EMAIL,
    DEMO_BUYER_PASSWORD,
    ensure_demo_resellers,
)
from comptoir.demo.services.sales import ensure_demo_sales
from comptoir.demo.services.shipping import ensure_demo_shipping
from comptoir.golive.services.demo_rows import recording_demo_rows
from comptoir.golive.services.launch import mark_shop_open
from comptoir.invoicing.seller import seller_identity


class Command(BaseCommand):
    help = "Crée la boutique de démonstration (catalogue, stock, photos, livraison, compte de la fondatrice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--without-images",
            action="store_true",
            help="Ne pas dessiner les photos produits (plus rapide).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # What this build creates is written down as the demo's: « Retirer la démo » removes it alone.
        with recording_demo_rows():
            self._build(options)
        mark_shop_open()

    def _build(self, options: dict[str, Any]) -> None:
        started = time.monotonic()  # the whole build, not only the catalogue's part
        if ensure_demo_identity():
            self.stdout.write(
                "Identité de Maison Lavande enregistrée : marque, expéditeur, atelier, vendeur."
            )
        report = build_demo_shop(stdout=self.stdout, with_images=not options["without_images"])
        counts = (
            f"{report.products} produits ({report.published_products} en ligne), "
            f"{report.variants_on_sale} variantes en vente, {report.collections} collections, "
            f"{report.images} images"
        )
        if report.catalogue_built:
            self.stdout.write(self.style.SUCCESS(f"Boutique de démonstration créée : {counts}."))
        else:
            self.stdout.write(f"Catalogue existant conservé, sans modification : {counts}.")
        if ensure_demo_shipping():
            self.stdout.write("Livraison créée : France, Union européenne et reste du monde.")
        else:
            self.stdout.write("Zones de livraison existantes conservées, sans modification.")
        founder = get_user_model().objects.get(email=STAFF_EMAIL)
        if ensure_demo_content(author=founder):
            self.stdout.write("Pages et premiers articles du journal créés.")
        else:
            self.stdout.write("Pages et journal existants conservés, sans modification.")
        seller = {**seller_identity(), "email": DEMO_CONTACT_EMAIL, "publisher": DEMO_PUBLISHER}
        if legal := ensure_legal_pages(seller=seller):
            self.stdout.write(f"Pages légales créées ou complétées : {legal}.")
        if ensure_demo_events():
            self.stdout.write("Prochaine rencontre créée.")
        if ensure_demo_resellers():
            self.stdout.write(
                f"Revendeurs créés : tarifs, une boutique acceptée ({DEMO_BUYER_EMAIL} / "
                f"{DEMO_BUYER_PASSWORD}) et une demande en attente."
            )
        sales = ensure_demo_sales()
        if sales is not None:
            self.stdout.write(
                f"Historique de ventes joué : {sales.boutique} commandes boutique et {sales.resellers} "
                "commandes revendeurs sur huit semaines (payées, expédiées, facturées)."
            )
        if report.staff_user_created:
            self.stdout.write(f"Compte créé : {STAFF_EMAIL} / {STAFF_PASSWORD}")
        else:
            self.stdout.write(f"Compte {STAFF_EMAIL} déjà présent : mot de passe inchangé.")
        self.stdout.write(f"Terminé en {time.monotonic() - started:.1f} s.")
