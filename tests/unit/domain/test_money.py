"""Conversions through dated reference rates: pure."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pixecom.domain.money import MAX_RATE_AGE_DAYS, Rate, RateBook

FRIDAY, SATURDAY, MONDAY = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 7)
BOOK = RateBook(
    [
        Rate("USD", FRIDAY, Decimal("1.05"), "ecb"),
        Rate("JPY", FRIDAY, Decimal("157.5"), "ecb"),
        Rate("USD", MONDAY, Decimal("1.10"), "ecb"),
        Rate("JPY", MONDAY, Decimal("154"), "ecb"),
        Rate("VND", FRIDAY, Decimal("27300"), "operator"),
    ]
)


def test_two_currencies_convert_through_the_euro_at_the_days_rates():
    converted = BOOK.convert(Decimal(20), "USD", "JPY", MONDAY)

    assert converted is not None
    assert converted.amount == Decimal(2800)  # 20 / 1.10 * 154
    assert (converted.source, converted.rate_date, converted.carried_forward) == ("ecb", MONDAY, False)


def test_a_day_without_rates_uses_the_last_published_and_says_which():
    converted = BOOK.convert(Decimal(20), "USD", "JPY", SATURDAY)

    assert converted is not None
    assert converted.amount == Decimal(3000)  # Friday's: 20 / 1.05 * 157.5
    assert (converted.rate_date, converted.carried_forward) == (FRIDAY, True)


def test_the_euro_needs_no_rate_and_sources_are_named_per_leg():
    to_euro = BOOK.convert(Decimal("1.05"), "USD", "EUR", FRIDAY)
    vnd = BOOK.convert(Decimal(1), "USD", "VND", MONDAY)

    assert to_euro is not None and to_euro.amount == Decimal(1)
    assert vnd is not None and (vnd.source, vnd.rate_date) == ("ecb+operator", FRIDAY)  # the older leg


def test_no_rate_is_no_conversion_never_a_guess():
    assert BOOK.convert(Decimal(1), "USD", "IDR", MONDAY) is None
    assert BOOK.convert(Decimal(1), "USD", "JPY", FRIDAY - timedelta(days=1)) is None  # before any rate
    stale = FRIDAY + timedelta(days=MAX_RATE_AGE_DAYS + 1)
    assert BOOK.convert(Decimal(1), "VND", "EUR", stale) is None  # the last VND rate is too old
