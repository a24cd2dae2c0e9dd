"""Who changed what in the back-office: django-auditlog, scoped to staff, read back as the cockpit's journal.

The models worth a trail (orders, products and prices, stock levels, invoices, companies, price lists,
sales, discount codes, the seller's settings, staff flags and groups) are listed once, in
``AUDITLOG_INCLUDE_TRACKING_MODELS`` (settings). django-auditlog writes one ``LogEntry`` per save or
delete with each field's value before and after.

``AuditMiddleware`` decides who is recorded: a staff member's request (cockpit or admin) records her
changes under her name; a customer's or a visitor's request records nothing, so the boutique and the
checkout pay no extra query (orders, stock and payments keep their own facts: order events, stock
movements). Commands, jobs and scripts outside a request record nothing either.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from auditlog.context import auditlog_disabled, disable_auditlog, set_actor
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .rate_limit import client_ip

logger = logging.getLogger("comptoir.audit")

TRUNCATE_AT = 140


class AuditMiddleware:
    """Staff requests record their changes with their name; everyone else's record nothing."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            actor = getattr(user, "_wrapped", user)  # the user itself, not django-otp's lazy wrapper
            enabled = auditlog_disabled.set(False)
            try:
                with set_actor(actor, remote_addr=client_ip(request) or None):
                    return self.get_response(request)
            finally:
                auditlog_disabled.reset(enabled)
        with disable_auditlog():
            return self.get_response(request)


def record_nothing_outside_staff_requests() -> None:
    """At start-up (core's AppConfig.ready): commands, jobs and scripts record nothing by default.

    A new thread starts from the default (recording on), so every request also says it explicitly
    (``AuditMiddleware``). The demo's thousands of generated orders, a nightly job's stock alerts or a
    test's factories are not back-office changes, and would bury the founder's own.
    """
    auditlog_disabled.set(True)


def record_refused_change(*, instance: models.Model, deleting: bool) -> None:
    """An attempt to change or delete a frozen record (an issued invoice): logged, then refused.

    The journal entry lives in the caller's transaction (it is lost if that transaction rolls back);
    the warning in the server's log is kept whatever happens.
    """
    logger.warning(
        "Refused %s of %s %s", "deletion" if deleting else "change", instance._meta.label, instance.pk
    )
    LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=LogEntry.Action.DELETE if deleting else LogEntry.Action.UPDATE,
        changes={},
        additional_data={"refused": True},
    )


# --- Reading the journal ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class JournalEntry:
    timestamp: dt.datetime
    actor: str
    action: str
    kind: str  # the model's verbose name
    object_repr: str
    changes: list[FieldChange]
    refused: bool


def audited_models() -> list[type[models.Model]]:
    return sorted(
        (model for model in apps.get_models() if auditlog.contains(model)),
        key=lambda model: str(model._meta.verbose_name_plural).lower(),
    )


def audited_types() -> list[tuple[str, str]]:
    """(``app_label.model``, plural verbose name) of every model with a trail, for the type filter."""
    return [
        (model._meta.label_lower, capfirst(str(model._meta.verbose_name_plural)))
        for model in audited_models()
    ]


def journal_entries(
    *,
    model_label: str = "",
    object_pk: str = "",
    actor_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[LogEntry]:
    """The log entries, newest first, filtered by object type, object, person and dates (inclusive)."""
    entries = LogEntry.objects.select_related("content_type", "actor").order_by("-timestamp", "-pk")
    if model_label:
        app_label, _dot, model_name = model_label.partition(".")
        entries = entries.filter(content_type__app_label=app_label, content_type__model=model_name)
        if object_pk:
            entries = entries.filter(object_pk=object_pk)
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    if since is not None:
        entries = entries.filter(timestamp__date__gte=since)
    if until is not None:
        entries = entries.filter(timestamp__date__lte=until)
    return entries


def journal_actors() -> QuerySet[Any]:
    """Everyone who appears in the journal, for the person filter."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    actor_ids = LogEntry.objects.filter(actor__isnull=False).values("actor_id").distinct()
    return user_model.objects.filter(pk__in=actor_ids).order_by("email")


def describe(entry: LogEntry) -> JournalEntry:
    """One log entry in words: field names as the admin labels them, values as a person reads them."""
    model = _model_of(entry.content_type)
    additional = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    return JournalEntry(
        timestamp=entry.timestamp,
        actor=_actor_label(entry),
        action=_action_label(entry.action),
        kind=capfirst(str(model._meta.verbose_name)) if model else entry.content_type.name,
        object_repr=entry.object_repr,
        changes=_field_changes(model, entry.changes if isinstance(entry.changes, dict) else {}),
        refused=bool(additional.get("refused")),
    )


def _model_of(content_type: ContentType) -> type[models.Model] | None:
    return content_type.model_class()


def _actor_label(entry: LogEntry) -> str:
    if entry.actor is not None:
        full_name = entry.actor.get_full_name() if hasattr(entry.actor, "get_full_name") else ""
        return full_name or str(entry.actor)
    if entry.actor_email:
        return str(entry.actor_email)
    return _("automatique")


def _action_label(action: int) -> str:
    return {
        LogEntry.Action.CREATE: _("création"),
        LogEntry.Action.UPDATE: _("modification"),
        LogEntry.Action.DELETE: _("suppression"),
        LogEntry.Action.ACCESS: _("consultation"),
    }.get(action, str(action))


def _field_changes(model: type[models.Model] | None, changes: dict[str, Any]) -> list[FieldChange]:
    described = []
    for name, values in changes.items():
        field = _field(model, name)
        if field is not None and field.auto_created and not field.concrete:
            continue  # a reverse relation (a company's buyers): their own entries say it
        label = capfirst(str(field.verbose_name)) if field is not None else name
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = ", ".join(str(item) for item in values.get("objects", []))
            if values.get("operation") == "delete":
                described.append(FieldChange(label, _truncate(objects), "—"))
            else:
                described.append(FieldChange(label, "—", _truncate(objects)))
            continue
        if not isinstance(values, list | tuple) or len(values) != 2:
            continue
        before, after = (_value(field, value) for value in values)
        if before != after:  # e.g. a date-time the admin re-saved without its microseconds
            described.append(FieldChange(label, before, after))
    return described


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _value(field: Any, raw: Any) -> str:
    """A stored value (auditlog keeps strings: "True", "None", "12.50", ISO dates) as a person reads it."""
    text = "" if raw is None else str(raw)
    if text in ("", "None"):
        return "—"
    if field is None:
        return _truncate(text)
    choices = getattr(field, "flatchoices", None)
    if choices:
        labels = {str(value): str(label) for value, label in choices}
        return labels.get(text, text)
    if isinstance(field, models.BooleanField):
        return _("oui") if text == "True" else _("non") if text == "False" else text
    if isinstance(field, models.DecimalField):
        try:
            return str(formats.localize(Decimal(text), use_l10n=True))
        except InvalidOperation:
            return text
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(text)
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, dt.UTC)
            return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    elif isinstance(field, models.DateField):
        day = parse_date(text)
        if day is not None:
            return formats.date_format(day, "SHORT_DATE_FORMAT")
    return _truncate(text)


def _truncate(text: str) -> str:
    return text if len(text) <= TRUNCATE_AT else text[: TRUNCATE_AT - 1] + "…"
