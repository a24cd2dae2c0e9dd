"""The demo's rows: recorded as the demo build creates them, removed in one click, and only them.

``recording_demo_rows()`` wraps the demo build (``manage.py demo_shop``): every row of the kinds below
created meanwhile is written down in ``DemoRow``. « Retirer la démo » (``remove_demo``) deletes those
rows and what hangs on them (an order's payments, shipments, invoices), never a row she made herself —
a product of hers keeps its name even if it reads like the demo's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F, Max, ProtectedError

from comptoir.core.page_cache import shop_pages_changed

from ..models import DemoRow

# What the demo builds, in the order « Retirer la démo » removes it: what hangs on a row goes first.
DEMO_KINDS: tuple[str, ...] = (
    "orders.Order",
    "payments.GiftCard",
    "promotions.DiscountCode",
    "reviews.Review",
    "content.Post",
    "content.Page",
    "community.Event",
    "resellers.ResellerApplication",
    "resellers.Company",
    "pricing.PriceGroup",
    "catalog.Collection",
    "catalog.Product",
    "accounts.User",
)
# An order's documents are the demo's too: removed with it although invoices are otherwise kept forever.
_FORCED_KINDS = {"orders.Order"}
# One-row settings the demo fills: kept (they are the shop's), fingerprinted so the checklist knows
# while they still hold the demo's values.
SINGLETON_KINDS: tuple[str, ...] = ("invoicing.SellerSettings", "shop.ShopProfile")
# A demo page she has edited since (its legal notice made hers) is hers: only untouched ones go.
_UNTOUCHED_ONLY = {"content.Page"}
_MAX_DEPTH = 4


@dataclass(frozen=True)
class DemoRemoval:
    removed: dict[str, int]  # by kind's verbose name (plural), only kinds with something removed
    kept: int  # demo rows something of hers still needs (her order of a demo shirt keeps that shirt)


def _models() -> list[type[models.Model]]:
    found = []
    for label in DEMO_KINDS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def fingerprint(row: models.Model) -> str:
    """What a row holds, in one hash (its timestamps aside)."""
    values = {
        field.attname: str(getattr(row, field.attname))
        for field in row._meta.concrete_fields
        if not isinstance(field, models.DateTimeField)
    }
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def _singletons() -> list[type[models.Model]]:
    found = []
    for label in SINGLETON_KINDS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


@contextmanager
def recording_demo_rows() -> Iterator[None]:
    """Record as the demo's every row of ``DEMO_KINDS`` created inside the block, and fingerprint the
    one-row settings it wrote."""
    before = {model: model._base_manager.aggregate(top=Max("pk"))["top"] or 0 for model in _models()}
    settings_before = {model: _fingerprints(model) for model in _singletons()}
    yield
    for model, fingerprints in settings_before.items():
        content_type = ContentType.objects.get_for_model(model)
        for pk, value in _fingerprints(model).items():
            if fingerprints.get(pk) != value:  # written by the demo's build
                DemoRow.objects.update_or_create(
                    content_type=content_type, object_id=pk, defaults={"fingerprint": value}
                )
    for model, top in before.items():
        content_type = ContentType.objects.get_for_model(model)
        DemoRow.objects.bulk_create(
            [
                DemoRow(content_type=content_type, object_id=pk)
                for pk in model._base_manager.filter(pk__gt=top).values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
        )


def _fingerprints(model: type[models.Model]) -> dict[int, str]:
    return {row.pk: fingerprint(row) for row in model._base_manager.all()}


def demo_rows_left() -> int:
    """Demo rows « Retirer la démo » would remove (the fingerprinted settings are never removed)."""
    return DemoRow.objects.filter(fingerprint="").count()


def still_the_demos(row: models.Model) -> bool:
    """Whether this one-row setting still holds exactly what the demo wrote in it."""
    content_type = ContentType.objects.get_for_model(type(row))
    return DemoRow.objects.filter(
        content_type=content_type, object_id=row.pk, fingerprint=fingerprint(row)
    ).exists()


def remove_demo(*, keep_user_ids: frozenset[int] = frozenset()) -> DemoRemoval:
    """Delete every recorded demo row still there. Staff accounts stay (she may be signed in with the
    demo's), and so does a demo row that something of hers needs; the invoice numbering starts again
    from 1 once no invoice is left."""
    removed: dict[str, int] = {}
    kept = 0
    with transaction.atomic():
        for model in _models():
            content_type = ContentType.objects.get_for_model(model)
            recorded = DemoRow.objects.filter(content_type=content_type, fingerprint="")
            rows = model._base_manager.filter(pk__in=recorded.values("object_id"))
            if model._meta.label == "accounts.User":
                rows = rows.filter(is_staff=False).exclude(pk__in=keep_user_ids)
            if model._meta.label in _UNTOUCHED_ONLY:
                rows = rows.filter(updated_at__lte=F("created_at") + timedelta(seconds=1))
            count = 0
            if model._meta.label in _FORCED_KINDS:
                count = _delete_with_what_hangs_on_it(rows, depth=0)
            else:
                for row in rows.order_by("pk"):
                    try:
                        with transaction.atomic():
                            row.delete()
                        count += 1
                    except ProtectedError:
                        kept += 1
            if count:
                removed[str(model._meta.verbose_name_plural)] = count
            # Gone, or kept because something of hers needs it (a staff account, a shirt she sold): either
            # way no longer the demo's to remove.
            recorded.delete()
        _restart_numbering_if_empty()
    shop_pages_changed()
    return DemoRemoval(removed=removed, kept=kept)


def _delete_with_what_hangs_on_it(rows: models.QuerySet, *, depth: int) -> int:
    """Delete ``rows`` after whatever protects them (payments, shipments, invoices, credit notes),
    through the rows deleted with them in cascade. ``QuerySet.delete`` never calls the invoices' own
    ``delete``, which refuses: these are the demo's documents, not hers."""
    if depth > _MAX_DEPTH or not rows.exists():
        return 0
    for relation in rows.model._meta.related_objects:
        if relation.many_to_many or relation.on_delete not in (models.PROTECT, models.CASCADE):
            continue
        related = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": rows})
        if relation.on_delete is models.PROTECT or depth < _MAX_DEPTH:
            _delete_with_what_hangs_on_it(related, depth=depth + 1)
    count = rows.count()
    rows.delete()
    return count


def _restart_numbering_if_empty() -> None:
    invoice = apps.get_model("invoicing.Invoice")
    credit_note = apps.get_model("invoicing.CreditNote")
    if not invoice._base_manager.exists() and not credit_note._base_manager.exists():
        apps.get_model("invoicing.DocumentSequence")._base_manager.all().delete()
