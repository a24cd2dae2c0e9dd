from __future__ import annotations

from decimal import Decimal

import phonenumbers
from django import template
from django_countries import countries

from comptoir.core.money import Money

from .shop import money

register = template.Library()


@register.filter
def country_name(code: object) -> str:
    """``FR`` → ``France``, in the page's language."""
    return str(countries.name(str(code))) or str(code)


@register.filter
def money_in(amount: Decimal | None, currency: str) -> str:
    """A frozen amount of an order line (a Decimal and the order's currency), written like every price."""
    if amount is None:
        return ""
    return money(Money(amount, currency))


@register.filter
def phone_display(number: str) -> str:
    """``+33612345678`` → ``+33 6 12 34 56 78``: easier to read back to a carrier."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key) if isinstance(mapping, dict) else None
