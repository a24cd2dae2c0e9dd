"""Stand-ins for the cart and a shipping option, shaped like the cart and shipping apps' objects.

Used until those apps' models exist; ``place_order`` reads only ``cart.lines`` (variant, quantity)
and the option's method name, carrier, price and VAT rate.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from comptoir.core.money import Money, TaxedMoney

_ids = itertools.count(1)


@dataclass
class StandInLine:
    variant: Any
    quantity: Any
    pk: int = field(default_factory=lambda: next(_ids))


class StandInLines:
    def __init__(self, lines: list[StandInLine]) -> None:
        self._lines = lines

    def select_related(self, *fields: str) -> StandInLines:
        return self

    def order_by(self, *fields: str) -> StandInLines:
        return StandInLines(sorted(self._lines, key=lambda line: line.pk))

    def all(self) -> StandInLines:
        return self

    def delete(self) -> None:
        self._lines.clear()

    def count(self) -> int:
        return len(self._lines)

    def __iter__(self):
        return iter(list(self._lines))


class StandInCart:
    def __init__(self, lines: list[StandInLine]) -> None:
        self.pk = next(_ids)
        self.lines = StandInLines(lines)

    @classmethod
    def with_items(cls, items) -> StandInCart:
        return cls([StandInLine(variant=variant, quantity=quantity) for variant, quantity in items])


def standin_shipping_option(*, name: str, carrier: str, gross: Decimal, vat_rate: Decimal = Decimal("0.20")):
    price = TaxedMoney.from_gross(Money(gross), vat_rate=vat_rate)
    return SimpleNamespace(
        method=SimpleNamespace(pk=1, name=name, carrier=carrier),
        price=price,
        vat_rate=vat_rate,
        is_free=False,
    )
