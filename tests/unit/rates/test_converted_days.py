"""Converting a list's days into the reporting currency: pure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pixecom.domain.money import Rate, RateBook
from pixecom.rates.totals import DayAmounts, convert_days

MON, TUE, WED = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)
BOOK = RateBook(
    [
        Rate("USD", MON, Decimal("1.0"), "ecb"),
        Rate("USD", WED, Decimal("1.0"), "ecb"),
        Rate("THB", MON, Decimal("36"), "ecb"),
        Rate("THB", WED, Decimal("40"), "ecb"),
        Rate("VND", WED, Decimal("27000"), "operator"),
    ]
)


def _day(currency: str, day: date, spend: str) -> DayAmounts:
    return DayAmounts(currency, day, Decimal(spend), Decimal(spend) * 2)


def test_each_day_converts_at_its_own_rate_and_the_reporting_currency_as_it_is():
    total = convert_days(
        "USD", [_day("USD", MON, "10"), _day("THB", MON, "360"), _day("THB", WED, "400")], BOOK
    )

    assert total.spend == Decimal(30)  # 10 + 360/36 + 400/40
    assert total.as_json()["roas"] == 2.0
    assert total.as_json()["rates"] == [
        {
            "currency": "THB",
            "source": "ecb",
            "first_rate_date": "2026-11-02",
            "last_rate_date": "2026-11-04",
            "days_carried_forward": 0,
        }
    ]


def test_a_currency_missing_a_rate_on_any_day_is_left_out_entirely_and_named():
    # VND has no rate before Wednesday: its Tuesday cannot convert, so none of its days count.
    total = convert_days(
        "USD", [_day("USD", TUE, "5"), _day("VND", TUE, "270000"), _day("VND", WED, "270000")], BOOK
    )

    assert total.spend == Decimal(5)
    assert list(total.left_out) == ["VND"]
    assert total.rates == {}
