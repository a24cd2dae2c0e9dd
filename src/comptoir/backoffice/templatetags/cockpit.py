from decimal import Decimal

from django import template

from comptoir.core.money import Money, format_money

register = template.Library()


@register.filter
def euros(amount: Decimal | None) -> str:
    """``1 401,80 €``: an amount in the language's way (core.money), for the cockpit's figures."""
    return format_money(Money(amount or Decimal("0")))
