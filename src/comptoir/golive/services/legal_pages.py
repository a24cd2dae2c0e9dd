"""The legal pages she still lacks, written from her identity (content's texts), for her to review."""

from __future__ import annotations

from comptoir.content.services.legal_pages import write_missing_legal_pages
from comptoir.core.page_cache import shop_pages_changed
from comptoir.invoicing.seller import seller_identity

from ..shop_facts import missing_identity_fields


def write_legal_pages(*, contact_email: str) -> int:
    """Create each missing legal page from her saved identity; until she saved it, every field reads
    « [à compléter] » (the identity standing in is the demo's). Pages already there stay as written."""
    seller: dict[str, str] = {"email": contact_email}
    if not missing_identity_fields():
        seller |= seller_identity()
    written = write_missing_legal_pages(seller=seller)
    shop_pages_changed()
    return written
