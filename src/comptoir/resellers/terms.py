"""When a company's order is due, from its payment terms.

« 30 jours net »: 30 days after the order. « 45 jours fin de mois »: 45 days after the order, then
the end of that month (the usual reading of article L441-10 of the Code de commerce).
Prepayment has no due date: the goods wait for the transfer.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .models import PaymentTerms


def payment_due_date(*, terms: str, placed_on: date) -> date | None:
    if terms == PaymentTerms.NET_30:
        return placed_on + timedelta(days=30)
    if terms == PaymentTerms.EOM_45:
        later = placed_on + timedelta(days=45)
        return later.replace(day=calendar.monthrange(later.year, later.month)[1])
    return None


def is_on_terms(*, terms: str) -> bool:
    """Orders on terms are placed without payment and become due; prepayment waits for the money."""
    return terms in (PaymentTerms.NET_30, PaymentTerms.EOM_45)
