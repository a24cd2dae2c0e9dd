"""Post an admin change form as a person would: every field as the page shows it, then a few changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms


def _put(data: dict[str, Any], key: str, field: forms.Field, value: Any) -> None:
    if isinstance(field, forms.SplitDateTimeField):
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if isinstance(value, dt.datetime):
            data[f"{key}_0"], data[f"{key}_1"] = value.date().isoformat(), value.time().strftime("%H:%M:%S")
        return
    if value is None:
        return
    if isinstance(field, forms.BooleanField):
        if value:
            data[key] = "on"
        return
    if isinstance(value, list | tuple):
        data[key] = [str(getattr(item, "pk", item)) for item in value]
        return
    data[key] = str(getattr(value, "pk", value))


def _form_data(form: forms.BaseForm, data: dict[str, Any]) -> None:
    for name, field in form.fields.items():
        _put(data, form.add_prefix(name), field, form[name].value())


def change_form_data(response: Any) -> dict[str, Any]:
    """The POST body of an admin change page as loaded (the main form and every inline)."""
    data: dict[str, Any] = {}
    _form_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_data(formset.management_form, data)
        for form in formset.forms:
            _form_data(form, data)
    return data
