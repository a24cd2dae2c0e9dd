"""Document numbers: one continuous sequence per kind and year, allocated inside the issuing transaction.

The sequence row is locked (``select_for_update``) until the issuing transaction ends: concurrent
issues queue, and a transaction that rolls back after taking a number gives it back with its own
rollback, so a number is never skipped, shared or reused.
"""

from __future__ import annotations

from django.db import transaction

from ..models import DocumentKind, DocumentSequence

PREFIXES: dict[str, str] = {DocumentKind.INVOICE: "F", DocumentKind.CREDIT_NOTE: "A"}


def next_number(*, kind: str, year: int) -> tuple[str, int]:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("A document number is taken inside the transaction that issues the document.")
    DocumentSequence.objects.get_or_create(kind=kind, year=year)
    sequence = DocumentSequence.objects.select_for_update().get(kind=kind, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{PREFIXES[kind]}{year}-{sequence.last_number:06d}", sequence.last_number
