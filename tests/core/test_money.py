from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comptoir.core.money import CurrencyMismatch, Money, TaxedMoney, quantize


def test_rounds_half_up_to_the_cent():
    assert quantize(Decimal("0.125")) == Decimal("0.13")
    assert quantize(Decimal("0.124")) == Decimal("0.12")
    assert quantize(Decimal("-0.125")) == Decimal("-0.13")


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(9.99)  # type: ignore[arg-type]


def test_money_refuses_to_mix_currencies():
    with pytest.raises(CurrencyMismatch):
        Money(Decimal("1"), "EUR") + Money(Decimal("1"), "USD")


def test_vat_inclusive_price_splits_into_net_and_vat():
    price = TaxedMoney.from_gross(Money(Decimal("95.00")), vat_rate=Decimal("0.20"))
    assert price.net == Money(Decimal("79.17"))
    assert price.tax == Money(Decimal("15.83"))


def test_vat_exclusive_price_adds_rounded_vat():
    price = TaxedMoney.from_net(Money(Decimal("39.58")), vat_rate=Decimal("0.20"))
    assert price.gross == Money(Decimal("47.50"))
    assert price.tax == Money(Decimal("7.92"))


def test_a_line_is_the_unit_price_times_a_whole_quantity():
    unit = TaxedMoney.from_gross(Money(Decimal("95.00")), vat_rate=Decimal("0.20"))
    line = unit * 3
    assert line.gross == Money(Decimal("285.00"))
    assert line.net == Money(Decimal("237.51"))
    with pytest.raises(TypeError):
        unit * Decimal("1.5")  # type: ignore[operator]


@given(
    cents=st.integers(min_value=1, max_value=10_000_000),
    rate=st.sampled_from([Decimal("0"), Decimal("0.055"), Decimal("0.10"), Decimal("0.20")]),
)
def test_net_plus_vat_is_always_the_gross_to_the_cent(cents, rate):
    gross = Money(Decimal(cents) / 100)
    price = TaxedMoney.from_gross(gross, vat_rate=rate)
    assert price.net + price.tax == price.gross == gross
    assert price.net.amount == quantize(price.net.amount)


def test_vat_is_rounded_once_per_rate_never_per_unit():
    from comptoir.core.money import total_by_rate, vat_of
    from comptoir.pricing.quotes import PriceQuote

    rate = Decimal("0.20")
    line = PriceQuote(
        unit=TaxedMoney.from_net(Money("33.33"), vat_rate=rate),
        quantity=300,
        vat_rate=rate,
        prices_include_tax=False,
    ).total
    assert (line.net.amount, line.tax.amount) == (Decimal("9999.00"), Decimal("1999.80"))  # not 300 × 6,67
    # Three lines of 0,33 € HT at 20 % (0,066 each: 0,07 rounded per line, 0,21 in all) and one at 5,5 %:
    # one rounding per rate, 0,99 × 20 % = 0,198 → 0,20 and 10,10 × 5,5 % = 0,5555 → 0,56.
    total = total_by_rate([(Decimal("0.33"), rate)] * 3 + [(Decimal("10.10"), Decimal("0.055"))])
    assert (total.net.amount, total.tax.amount) == (Decimal("11.09"), Decimal("0.76"))
    assert vat_of(Decimal("-0.25"), rate) == Decimal(
        "-0.05"
    )  # a credit rounds away from zero, as its invoice


@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8))
def test_each_rate_s_vat_is_its_base_times_its_rate(cents):
    from comptoir.core.money import total_by_rate

    rate = Decimal("0.20")
    total = total_by_rate((Decimal(cent) / 100, rate) for cent in cents)
    assert total.tax.amount == quantize(total.net.amount * rate)
