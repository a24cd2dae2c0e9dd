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
