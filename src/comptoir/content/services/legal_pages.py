"""Write the legal pages a shop still lacks, from the seller's identity (``legal_texts.py``)."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from ..legal_texts import LEGAL_PAGES, fill
from ..models import Page

LEGAL_POSITION = 100  # after the shop's own pages in the footer


@transaction.atomic
def write_missing_legal_pages(
    *, seller: Mapping[str, str], former_bodies: Mapping[str, str] | None = None
) -> int:
    """Each legal page (notice, both CGV, privacy, withdrawal form) that no page stands for yet, created
    from the seller's identity; what it does not know reads « [à compléter] ». A page already there is
    left as the founder wrote it; one of the same address written before the legal roles takes its
    role (and, if its text is still one of ``former_bodies``, the full text). Returns how many."""
    done = 0
    existing = set(Page.objects.exclude(legal_role="").values_list("legal_role", flat=True))
    for offset, (role, title_fr, title_en, slug_fr, slug_en, body_fr, body_en) in enumerate(LEGAL_PAGES):
        if role in existing:
            continue
        texts = {
            "body_fr": fill(body_fr, seller=seller),
            "body_en": fill(body_en, seller=seller, english=True),
        }
        page = Page.objects.select_for_update().filter(slug_fr=slug_fr, legal_role="").first()
        if page is None:
            Page.objects.create(
                title_fr=title_fr, title_en=title_en, slug_fr=slug_fr, slug_en=slug_en,
                position=LEGAL_POSITION + offset, legal_role=role, **texts,
            )  # fmt: skip
        else:  # a page of that address, written before the roles: it takes the role
            if former_bodies and slug_fr in former_bodies:  # a first short text, never edited: the full one
                Page.objects.filter(pk=page.pk, body_fr=former_bodies[slug_fr]).update(**texts)
                page.refresh_from_db()
            page.legal_role = role
            page.position = LEGAL_POSITION + offset
            page.save()
        done += 1
    return done
