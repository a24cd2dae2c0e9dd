"""Money that never floats.

The one rounding rule: amounts are kept exact (``Decimal``) while computing and rounded to the cent,
half up (the commercial rounding French invoices use), only at the edges: a unit price, a line total,
a document total, a displayed figure. ``quantize`` is the only place that rounds.

VAT is rounded once per rate, on a document's total HT at that rate (``vat_of``, ``total_by_rate``),
never per unit: 300 pieces at 33,33 € HT carry 9 999,00 × 20 % = 1 999,80 € of VAT, not 300 × 6,67.
That is what EN 16931 checks (BR-CO-17: each VAT row is its base × its rate, rounded), and quotes,
orders, invoices and credit notes all follow it, so an invoice equals its order to the cent. A line
shows its own VAT the same way (its total HT × rate, rounded), for reading only: the document's VAT is
the per-rate one. Prices set TTC (the boutique) keep the price the customer agreed to: a line's net is
derived from its TTC total, and the VAT of a rate is its TTC minus its HT (within a cent of base × rate,
which EN 16931 accepts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal
from django.utils import translation

CENT = Decimal("0.01")
DEFAULT_CURRENCY = "EUR"


def quantize(amount: Decimal) -> Decimal:
    """Round to the cent, half up: the shop's single rounding rule."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_of(base: Decimal, rate: Decimal) -> Decimal:
    """The VAT of a total HT at one rate, rounded once (half up, away from zero for a credit)."""
    return quantize(base * rate)


def total_by_rate(lines: Iterable[tuple[Decimal, Decimal]], currency: str = "EUR") -> TaxedMoney:
    """A document priced HT: its (net, VAT rate) lines summed per rate, the VAT rounded once per rate."""
    by_rate: dict[Decimal, Decimal] = {}
    for net, rate in lines:
        by_rate[rate] = by_rate.get(rate, Decimal("0")) + net
    net_total = sum(by_rate.values(), Decimal("0"))
    vat = sum((vat_of(base, rate) for rate, base in by_rate.items()), Decimal("0"))
    return TaxedMoney(net=Money(net_total, currency), gross=Money(net_total + vat, currency))


BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def format_money(money: Money) -> str:
    """``95,00 €`` in French, ``€95.00`` in English: the active language's way, rounded to the cent."""
    return format_currency(quantize(money.amount), money.currency, locale=_babel_locale())


def _babel_locale() -> str:
    return BABEL_LOCALES.get((translation.get_language() or "fr")[:2], "fr_FR")


def format_whole_money(amount: Decimal | int) -> str:
    """``1 200 €`` in French, ``€1,200`` in English: whole euros, for a chart's axis, never an invoice."""
    locale = _babel_locale()
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
    whole = Decimal(amount).to_integral_value(rounding=ROUND_HALF_UP)
    return format_currency(whole, DEFAULT_CURRENCY, format=pattern, locale=locale, currency_digits=False)


def format_count(number: Decimal | int) -> str:
    """``1 200`` in French, ``1,200`` in English: a whole number the active language's way."""
    return format_decimal(Decimal(number).to_integral_value(rounding=ROUND_HALF_UP), locale=_babel_locale())


class CurrencyMismatch(ValueError):
    pass


def _as_decimal(amount: Decimal | int | str) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("Money refuses floats: pass a Decimal, an int or a string.")
    return amount if isinstance(amount, Decimal) else Decimal(amount)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str = DEFAULT_CURRENCY

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _as_decimal(self.amount))

    @classmethod
    def zero(cls, currency: str = DEFAULT_CURRENCY) -> Money:
        return cls(Decimal("0"), currency)

    def _check(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"Cannot combine Money with {type(other).__name__}.")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} do not mix.")
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._check(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._check(other).amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        return Money(self.amount * _as_decimal(factor), self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._check(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._check(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._check(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._check(other).amount

    def quantized(self) -> Money:
        return Money(quantize(self.amount), self.currency)

    def __str__(self) -> str:
        return f"{quantize(self.amount)} {self.currency}"


@dataclass(frozen=True, slots=True)
class TaxedMoney:
    """A price with and without VAT. ``net + tax == gross`` always holds, to the cent."""

    net: Money
    gross: Money

    def __post_init__(self) -> None:
        if self.net.currency != self.gross.currency:
            raise CurrencyMismatch("Net and gross must share a currency.")

    @property
    def tax(self) -> Money:
        return self.gross - self.net

    @property
    def currency(self) -> str:
        return self.gross.currency

    @classmethod
    def from_gross(cls, gross: Money, *, vat_rate: Decimal) -> TaxedMoney:
        """A VAT-inclusive price (how a boutique sets its prices): the net is derived and rounded."""
        gross = gross.quantized()
        net = Money(quantize(gross.amount / (1 + vat_rate)), gross.currency)
        return cls(net=net, gross=gross)

    @classmethod
    def from_net(cls, net: Money, *, vat_rate: Decimal) -> TaxedMoney:
        """A VAT-exclusive price (how wholesale is set): the VAT is computed and rounded."""
        net = net.quantized()
        gross = Money(net.amount + quantize(net.amount * vat_rate), net.currency)
        return cls(net=net, gross=gross)

    @classmethod
    def zero(cls, currency: str = DEFAULT_CURRENCY) -> TaxedMoney:
        return cls(net=Money.zero(currency), gross=Money.zero(currency))

    def __add__(self, other: TaxedMoney) -> TaxedMoney:
        return TaxedMoney(net=self.net + other.net, gross=self.gross + other.gross)

    def __sub__(self, other: TaxedMoney) -> TaxedMoney:
        return TaxedMoney(net=self.net - other.net, gross=self.gross - other.gross)

    def __mul__(self, quantity: int) -> TaxedMoney:
        if not isinstance(quantity, int):
            raise TypeError("A taxed price is multiplied by a whole quantity.")
        return TaxedMoney(net=self.net * quantity, gross=self.gross * quantity)

    __rmul__ = __mul__
