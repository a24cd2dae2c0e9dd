from __future__ import annotations

from decimal import Decimal

from django import template

from comptoir.core.money import DEFAULT_CURRENCY, Money, format_money

register = template.Library()


@register.filter
def money(value: Money | None) -> str:
    return "" if value is None else format_money(value)


@register.filter
def amount(value: Decimal | None, currency: str = DEFAULT_CURRENCY) -> str:
    """A frozen amount of an order (a Decimal column) written as money."""
    return "" if value is None else format_money(Money(value, currency or DEFAULT_CURRENCY))
