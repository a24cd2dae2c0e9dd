"""A cart able to hold what a real cart refuses (zero, negative, fractional quantities).

Only for checking that placement refuses them again; every other test uses the real cart.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

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
