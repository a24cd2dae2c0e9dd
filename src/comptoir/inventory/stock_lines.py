"""What stock services are given and what they complain about: plain values, no database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True, slots=True)
class StockLine:
    variant_id: int
    quantity: int


def merged_lines(lines: Iterable[StockLine]) -> list[StockLine]:
    """One line per variant, sorted by variant id.

    Every stock service touches rows in variant-id order, so two concurrent orders take their row
    locks in the same order and cannot deadlock each other.
    """
    quantities: dict[int, int] = {}
    for line in lines:
        if line.quantity <= 0:
            raise ValueError(f"Stock moves need a positive quantity, not {line.quantity}.")
        quantities[line.variant_id] = quantities.get(line.variant_id, 0) + line.quantity
    return [
        StockLine(variant_id=variant_id, quantity=quantities[variant_id]) for variant_id in sorted(quantities)
    ]


@dataclass(frozen=True, slots=True)
class Shortage:
    variant_id: int
    label: str  # "Chemise Oxford, Bleu ciel / 41", for the customer
    requested: int
    available: int

    @property
    def message(self) -> str:
        if self.available <= 0:
            return _("%(label)s : épuisé") % {"label": self.label}
        return ngettext(
            "%(label)s : plus qu'une pièce disponible (%(requested)d demandées)",
            "%(label)s : plus que %(available)d pièces disponibles (%(requested)d demandées)",
            self.available,
        ) % {"label": self.label, "available": self.available, "requested": self.requested}


class InsufficientStock(Exception):
    """Some lines cannot be served: every shortage is listed, none of the lines was reserved."""

    def __init__(self, shortages: list[Shortage]) -> None:
        self.shortages = shortages
        super().__init__("; ".join(shortage.message for shortage in shortages))

    @property
    def messages(self) -> list[str]:
        return [shortage.message for shortage in self.shortages]


class StockMoveRefused(Exception):
    """Releasing, consuming or restocking found counters that do not allow it: a bug, not a customer error."""
