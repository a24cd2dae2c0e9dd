"""Rendition file names, remembered: ImageKit's own namer, without its cost on every page.

ImageKit names a rendition after a hash of its source's name and its spec, computed with a pure-Python
pickler each time a URL is asked for: 2–3 ms per rendition, seven per product card, so half the time of
rendering a listing. The name depends only on the spec and the source's name, so each process
remembers it (a bounded memo: the same answer in every process, nothing shared to keep in step).
Files keep exactly the names ImageKit gives them, so renditions already on disk are still found.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from imagekit.cachefiles.namers import source_name_as_path as imagekit_source_name_as_path


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
