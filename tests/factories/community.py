"""Evenings for tests."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from comptoir.community.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_fr = factory.Sequence(lambda n: f"Soirée {n}")
    title_en = factory.Sequence(lambda n: f"Evening {n}")
    slug_fr = factory.Sequence(lambda n: f"soiree-{n}")
    slug_en = factory.Sequence(lambda n: f"evening-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=3))
    place_name = "L'atelier"
    address = "12 rue Oberkampf, 75011 Paris"
    capacity = 2
    description_fr = "Une soirée pour parler de boutiques indépendantes, autour d'un verre à l'atelier."
    description_en = "An evening to talk about independent shops, over a drink at the workshop."
