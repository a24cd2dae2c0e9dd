from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        abstract = True


class OldSlug(models.Model):
    """An address a page had before its slug changed: it answers a 301 to the page, forever."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    slug = models.SlugField(max_length=200)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("content_type", "language", "slug"), name="old_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.language}/{self.slug}"


class RemembersOldSlugs(models.Model):
    """Saving a new slug keeps the old one in ``OldSlug``, so links and search results never break.

    Part of saving the model itself (not a signal): whoever saves a product or a collection, the
    admin, an import or a script, the old address keeps working. ``slug_fields`` maps each language
    to its field (django-modeltranslation's ``slug_fr``, ``slug_en``).
    """

    slug_fields: ClassVar[dict[str, str]] = {
        code: f"slug_{code}" for code, _name in getattr(settings, "LANGUAGES", [])
    }

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        previous = None
        if self.pk is not None:
            previous = (
                type(self)._default_manager.filter(pk=self.pk).values(*self.slug_fields.values()).first()
            )
        super().save(*args, **kwargs)
        if not previous:
            return
        content_type = ContentType.objects.get_for_model(type(self), for_concrete_model=True)
        for language, field in self.slug_fields.items():
            old, new = previous[field], getattr(self, field)
            if old and old != new:
                OldSlug.objects.update_or_create(
                    content_type=content_type,
                    language=language,
                    slug=old,
                    defaults={"object_id": self.pk},
                )
            if new:
                # A slug given back to this page is its address again, not a redirect.
                OldSlug.objects.filter(content_type=content_type, language=language, slug=new).delete()


def object_id_for_old_slug(*, model: type[models.Model], slug: str) -> int | None:
    """The id of the ``model`` object that once had ``slug`` (in any language), or None."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    found = (
        OldSlug.objects.filter(content_type=content_type, slug=slug)
        .order_by("-replaced_at")
        .values_list("object_id", flat=True)
        .first()
    )
    return int(found) if found is not None else None
