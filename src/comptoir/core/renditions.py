"""Responsive renditions of an uploaded image: WebP and JPEG at a few widths, never upscaled.

Product photos and the covers of posts and events share them. ``with_renditions(source=..., alt=...)``
gives a model the six ImageKit specs of one image field; the ``Renditions`` mixin reads them back as
the ``srcset``s, fallback and intrinsic size of the storefront's ``<picture>`` (``picture``).

A class decorator rather than an abstract model: the source field's name differs per model (``image``,
``cover``) and ImageKit registers each spec for the class it is declared on, so an abstract base would
need one class per source name. The specs are the same objects as before, so the file names (a hash of
the source's name, the processors, the format and the options, not of the model) do not change.

Also ImageKit's namer, remembered (``IMAGEKIT_SPEC_CACHEFILE_NAMER``): see ``source_name_as_path``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, TypeVar

from django.db import models
from imagekit.cachefiles import ImageCacheFile
from imagekit.cachefiles.namers import source_name_as_path as imagekit_source_name_as_path
from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFit

RENDITION_WIDTHS = (480, 800, 1200)
# (format, width) -> quality: the wider the rendition, the less a little more compression shows.
RENDITION_QUALITY = {
    ("WEBP", 480): 82,
    ("WEBP", 800): 82,
    ("WEBP", 1200): 80,
    ("JPEG", 480): 84,
    ("JPEG", 800): 84,
    ("JPEG", 1200): 82,
}
RENDITION_NAMES = tuple(f"{image_format.lower()}_{width}" for image_format, width in RENDITION_QUALITY)

ModelT = TypeVar("ModelT", bound=type[models.Model])


def rendition_specs(*, source: str) -> dict[str, ImageSpecField]:
    """``webp_480`` … ``jpeg_1200``: the specs of one image field, made when the image is saved."""
    return {
        f"{image_format.lower()}_{width}": ImageSpecField(
            source=source,
            processors=[ResizeToFit(width, upscale=False)],
            format=image_format,
            options={"quality": quality},
        )
        for (image_format, width), quality in RENDITION_QUALITY.items()
    }


def with_renditions(*, source: str, alt: str) -> Callable[[ModelT], ModelT]:
    """Class decorator: the model gets the renditions of its image field ``source``, described by ``alt``."""

    def decorate(model: ModelT) -> ModelT:
        for name, spec in rendition_specs(source=source).items():
            model.add_to_class(name, spec)
        model.rendition_source = source  # type: ignore[attr-defined]
        model.rendition_alt = alt  # type: ignore[attr-defined]
        return model

    return decorate


@dataclass(frozen=True)
class Picture:
    """What the storefront's ``<picture>`` shows of one image."""

    srcset_webp: str
    srcset_jpeg: str
    fallback_url: str
    width: int | None  # None: unknown (an image whose file could not be read), no size attributes then
    height: int | None
    alt_text: str


class Renditions:
    """For a model decorated with ``with_renditions``: its image's ``srcset``s, fallback and size."""

    rendition_source: ClassVar[str]
    rendition_alt: ClassVar[str]
    # ImageKit's descriptors, added by with_renditions: one cache file per rendition.
    webp_480: ImageCacheFile
    webp_800: ImageCacheFile
    webp_1200: ImageCacheFile
    jpeg_480: ImageCacheFile
    jpeg_800: ImageCacheFile
    jpeg_1200: ImageCacheFile

    def _source_size(self) -> tuple[int, int]:
        field = self._meta.get_field(self.rendition_source)  # type: ignore[attr-defined]
        return getattr(self, field.width_field) or 0, getattr(self, field.height_field) or 0

    def srcset(self, image_format: str) -> str:
        """``srcset`` for one format, e.g. ``…480.webp 480w, …800.webp 800w``, never wider than the source."""
        prefix = "webp" if image_format == "webp" else "jpeg"
        source_width, _ = self._source_size()
        entries = []
        for width in RENDITION_WIDTHS:
            actual_width = min(width, source_width) if source_width else width
            entries.append(f"{getattr(self, f'{prefix}_{width}').url} {actual_width}w")
            if source_width and width >= source_width:
                break
        return ", ".join(entries)

    @property
    def srcset_webp(self) -> str:
        return self.srcset("webp")

    @property
    def srcset_jpeg(self) -> str:
        return self.srcset("jpeg")

    @property
    def fallback_url(self) -> str:
        """The ``<img src>``, and the image of known size shared with search engines and networks."""
        return self.jpeg_800.url

    @property
    def picture(self) -> Picture | None:
        """The image as ``<picture>`` shows it; None without an image."""
        if not getattr(self, self.rendition_source):
            return None
        width, height = self._source_size()
        return Picture(
            srcset_webp=self.srcset_webp,
            srcset_jpeg=self.srcset_jpeg,
            fallback_url=self.fallback_url,
            width=width or None,
            height=height or None,
            alt_text=getattr(self, self.rendition_alt),
        )


# ImageKit's namer, remembered.
#
# ImageKit names a rendition after a hash of its source's name and its spec, computed with a pure-Python
# pickler each time a URL is asked for: 2–3 ms per rendition, seven per product card, so half the time of
# rendering a listing. The name depends only on the spec and the source's name, so each process
# remembers it (a bounded memo: the same answer in every process, nothing shared to keep in step).
# Files keep exactly the names ImageKit gives them, so renditions already on disk are still found.


class _SpecAndSource:
    """A hashable key that carries the spec along, so the memo can compute a name it has not seen."""

    __slots__ = ("generator", "key")

    def __init__(self, generator: Any) -> None:
        self.generator = generator
        self.key = (type(generator), generator.source.name)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SpecAndSource) and other.key == self.key


@lru_cache(maxsize=100_000)
def _name(spec_and_source: _SpecAndSource) -> str:
    return imagekit_source_name_as_path(spec_and_source.generator)


def source_name_as_path(generator: Any) -> str:
    """``IMAGEKIT_SPEC_CACHEFILE_NAMER``: ImageKit's default namer, remembered per spec and source."""
    return _name(_SpecAndSource(generator))
