"""What a pricing policy answers: a unit price, a quantity, and whether the shown price includes VAT."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from comptoir.core.money import Money, TaxedMoney


@dataclass(frozen=True, slots=True)
class PriceQuote:
    unit: TaxedMoney
    quantity: int
    vat_rate: Decimal
    prices_include_tax: bool
    is_from_price: bool = False  # a "from" price: the product's variants are not all at one price

    @property
    def total(self) -> TaxedMoney:
        return self.unit * self.quantity

    @property
    def displayed_unit(self) -> Money:
        return self.unit.gross if self.prices_include_tax else self.unit.net

    @property
    def displayed_total(self) -> Money:
        total = self.total
        return total.gross if self.prices_include_tax else total.net
