"""The migration that gives existing post and event covers their size, read from their files."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile

from comptoir.community.models import Event
from comptoir.content.models import Post
from tests.factories import jpeg_bytes
from tests.factories.community import EventFactory
from tests.factories.content import PostFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("migration", "model", "factory"),
    [
        ("comptoir.content.migrations.0004_cover_dimensions", Post, PostFactory),
        ("comptoir.community.migrations.0004_cover_dimensions", Event, EventFactory),
    ],
)
def test_existing_covers_get_their_size_and_a_lost_file_is_passed_over(migration, model, factory):
    kept = factory(cover=ContentFile(jpeg_bytes(width=1400, height=900), name="gardee.jpg"))
    lost = factory(cover=ContentFile(jpeg_bytes(width=700, height=500), name="perdue.jpg"))
    without = factory()
    lost.cover.storage.delete(lost.cover.name)
    model.objects.update(cover_width=0, cover_height=0)  # rows as they were before the migration

    importlib.import_module(migration).fill_cover_dimensions(apps, None)

    sizes = dict(model.objects.values_list("pk", "cover_width"))
    heights = dict(model.objects.values_list("pk", "cover_height"))
    assert (sizes[kept.pk], heights[kept.pk]) == (1400, 900)
    assert (sizes[lost.pk], heights[lost.pk]) == (0, 0)
    assert (sizes[without.pk], heights[without.pk]) == (0, 0)
