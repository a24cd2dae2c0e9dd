"""``manage.py start_shop``: the real shop on a fresh database, without the demo.

Asks the founder's email and password (or ``--email`` alone, without a terminal: prints a one-time link
to choose the password). Migrations are not its business: ``make run-empty`` migrates first.
"""

from __future__ import annotations

import sys
from getpass import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from comptoir.golive.services.start_shop import ShopAlreadyStarted, shop_is_new, start_shop


class Command(BaseCommand):
    help = "Crée la vraie boutique, sans la démonstration : le compte de la fondatrice, boutique fermée."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", help="Adresse de la fondatrice (demandée sinon).")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="Ne rien demander : sans mot de passe, affiche un lien à usage unique pour le choisir.",
        )
        parser.add_argument(
            "--if-new",
            action="store_true",
            help="Ne rien faire, sans erreur, si la boutique existe déjà (make run-empty).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not shop_is_new():
            if options["if_new"]:
                self.stdout.write("Boutique déjà créée : rien à faire.")
                return
            raise CommandError(
                "Cette base contient déjà une boutique (commandes, démonstration ou compte propriétaire). "
                "start_shop part d'une base vide : retirez la démonstration depuis l'atelier, "
                "ou utilisez une nouvelle base (DATABASE_URL)."
            )
        interactive = not options["no_input"] and sys.stdin.isatty()
        email = options["email"] or (input("Votre adresse email : ").strip() if interactive else "")
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Adresse email invalide : {email!r}.") from error
        password = self._ask_password() if interactive else None
        try:
            started = start_shop(email=email, password=password)
        except ShopAlreadyStarted as error:
            raise CommandError("Une boutique vient d'être créée sur cette base.") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Boutique créée. Compte de la fondatrice : {started.email}"))
        if started.set_password_link:
            self.stdout.write(
                "Choisissez votre mot de passe avec ce lien (une seule fois) :\n"
                f"  {started.set_password_link}"
            )
        self.stdout.write(
            "La boutique est fermée aux visiteurs (page « bientôt ») jusqu'à son ouverture : "
            "suivez la liste d'ouverture dans l'atelier, /fr/atelier/ouverture/."
        )

    def _ask_password(self) -> str:
        while True:
            password = getpass("Mot de passe : ")
            if password and password == getpass("Mot de passe, encore : "):
                return password
            self.stderr.write("Les deux mots de passe diffèrent, ou sont vides : recommencez.")
