from decimal import Decimal

from django import template
from django.utils import timezone

from comptoir.chores.selectors import ChoreStatus, chore_statuses
from comptoir.core.money import Money, format_money

register = template.Library()


@register.filter
def euros(amount: Decimal | None) -> str:
    """``1 401,80 €``: an amount in the language's way (core.money), for the cockpit's figures."""
    return format_money(Money(amount or Decimal("0")))


@register.simple_tag
def chores_needing_attention() -> list[ChoreStatus]:
    """The chores that failed last time or have not run for twice their period (« Aujourd'hui »)."""
    now = timezone.now()
    return [status for status in chore_statuses(now=now) if status.needs_attention(now=now)]
