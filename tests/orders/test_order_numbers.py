import datetime as dt
import re

from comptoir.orders.numbers import new_order_number


def test_numbers_carry_the_prefix_the_year_in_paris_and_six_digits(settings):
    settings.COMPTOIR_ORDER_NUMBER_PREFIX = "ML"
    # 31 December 2026, 23:30 UTC is already 2027 in Paris.
    number = new_order_number(now=dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC))
    assert re.fullmatch(r"ML-27-\d{6}", number)
    assert len(number) <= 20


def test_numbers_are_not_sequential(settings):
    numbers = {new_order_number(now=dt.datetime(2026, 7, 1, tzinfo=dt.UTC)) for _ in range(50)}
    assert len(numbers) > 45
