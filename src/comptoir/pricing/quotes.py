"""What a pricing policy answers: a unit price, a quantity, and whether the shown price includes VAT."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from comptoir.core.money import Money, TaxedMoney, vat_of


@dataclass(frozen=True, slots=True)
class PriceQuote:
    unit: TaxedMoney
    quantity: int
    vat_rate: Decimal
    prices_include_tax: bool
    is_from_price: bool = False  # a "from" price: the product's variants are not all at one price
    # During a sale: the lowest price of the 30 days before it (shown struck through), and its period.
    reference_unit: TaxedMoney | None = None
    sale_starts_at: datetime | None = None
    sale_ends_at: datetime | None = None

    @property
    def is_reduced(self) -> bool:
        """A reduction is announced: a reference price above the price charged."""
        return self.reference_unit is not None

    @property
    def is_on_sale(self) -> bool:
        return self.sale_ends_at is not None

    @property
    def displayed_reference(self) -> Money | None:
        if self.reference_unit is None:
            return None
        return self.reference_unit.gross if self.prices_include_tax else self.reference_unit.net

    @property
    def reduction_percent(self) -> int:
        """Whole percent off the reference, rounded down: the reduction is never overstated."""
        if self.reference_unit is None:
            return 0
        reference, price = self.reference_unit.gross.amount, self.unit.gross.amount
        return int(((reference - price) * 100 / reference).to_integral_value(rounding=ROUND_DOWN))

    @property
    def total(self) -> TaxedMoney:
        """The line's total. Priced HT: its net × its rate, rounded once for the line (core.money's
        rule), never the unit's rounded VAT multiplied. Priced TTC: the unit's TTC × the quantity."""
        if self.prices_include_tax:
            return self.unit * self.quantity
        net = self.unit.net * self.quantity
        return TaxedMoney(net=net, gross=Money(net.amount + vat_of(net.amount, self.vat_rate), net.currency))

    @property
    def displayed_unit(self) -> Money:
        return self.unit.gross if self.prices_include_tax else self.unit.net

    @property
    def displayed_total(self) -> Money:
        total = self.total
        return total.gross if self.prices_include_tax else total.net
