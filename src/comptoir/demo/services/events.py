"""The demo shop's next evening, created once when there is none."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from comptoir.community.models import Event


def ensure_demo_events() -> bool:
    if Event.objects.exists():
        return False
    # A Thursday evening, three weeks or so ahead: the « jeudis de l'atelier ».
    day = timezone.localtime() + timedelta(days=14)
    day += timedelta(days=(3 - day.weekday()) % 7)
    starts = day.replace(hour=19, minute=0, second=0, microsecond=0)
    Event.objects.create(
        title_fr="Les jeudis de l'atelier\u00a0: vendre sans agence",
        title_en="Workshop Thursdays: selling without an agency",
        slug_fr="jeudis-de-l-atelier",
        slug_en="workshop-thursdays",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        place_name="L'atelier Maison Lavande",
        address="12 rue Oberkampf, 75011 Paris",
        capacity=30,
        description_fr=(
            "Une soirée entre gens du web et du commerce indépendant : trois boutiques racontent ce qui a "
            "marché, ce qui a raté, et ce qu'elles referaient.\n\n> Une boutique qui dure, c'est d'abord "
            "des gens qui reviennent.\n>\n> — Louise, fondatrice"
        ),
        description_en=(
            "An evening for people of the web and of independent commerce: three shops tell what worked, "
            "what failed, and what they would do again.\n\n> A shop that lasts is first of all people who "
            "come back.\n>\n> — Louise, founder"
        ),
    )
    return True
