from __future__ import annotations

from django import template

from comptoir.core.money import Money, format_money

register = template.Library()


@register.filter
def money(value: Money | None) -> str:
    return "" if value is None else format_money(value)
