"""What search engines and social networks read of a page: written by the founder, or generated.

Every public page gets a title, a description of a useful length, a canonical address and an image,
without the founder tuning anything; what she writes in « Référencement » wins when she writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

DESCRIPTION_LENGTH = 155
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical_url: str
    image_url: str = ""
    image_alt: str = ""
    og_type: str = "website"
    json_ld: list[dict[str, Any]] = field(default_factory=list)


MIN_DESCRIPTION_LENGTH = 70


def describe(*texts: str, limit: int = DESCRIPTION_LENGTH, minimum: int = MIN_DESCRIPTION_LENGTH) -> str:
    """The page's texts as one line, long enough to be useful, cut at a word to fit ``limit``.

    The first text is taken; while the line is shorter than ``minimum`` the next texts are added
    (a short tagline, then the description, then the shop's own line).
    """
    line = ""
    for text in texts:
        part = _SPACES.sub(" ", strip_tags(text or "")).strip()
        if not part or part in line:
            continue
        if line and line[-1] not in ".!?…":
            line += "."
        line = f"{line} {part}".strip()
        if len(line) >= minimum:
            break
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.—- ")
    return f"{cut}…"


def page_title(*, name: str, shop_name: str, written: str = "", page_number: int = 1) -> str:
    """``Chemise Oxford — Maison Lavande``; page 2 of a listing gets its own title."""
    title = written.strip() or f"{name} — {shop_name}"
    if page_number > 1:
        return _("%(title)s — page %(number)d") % {"title": title, "number": page_number}
    return title
