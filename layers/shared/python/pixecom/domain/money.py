"""Money with its currency, and conversion through dated reference rates: pure, no I/O.

Rates are quoted the way the European Central Bank publishes them: units of a currency per one
euro on a day. Any two currencies convert through the euro (USD -> EUR -> JPY). A day without a
rate (a weekend, a TARGET holiday, a feed that has not run yet) uses the last rate published
before it, at most `MAX_RATE_AGE_DAYS` old, and the conversion says which day's rate it used;
a currency without such a rate does not convert (None), it is never guessed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Any

from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import format_money

EURO = "EUR"
MAX_RATE_AGE_DAYS = 14  # an older rate is no rate: the feed has stopped, and we say so
_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Money:
    """An amount in one currency (ISO 4217 code, upper case)."""

    amount: Decimal
    currency: str

    def shown(self) -> str:
        """`20.00 USD`, `3000 JPY`: the amount in the currency's minor units, half-up."""
        return f"{format_money(self.amount, minor_units(self.currency))} {self.currency}"


@dataclass(frozen=True)
class Rate:
    """`per_eur` units of `currency` for one euro on `day`, as `source` published it."""

    currency: str
    day: date
    per_eur: Decimal
    source: str


@dataclass(frozen=True)
class Conversion:
    """An amount converted on `on_date`: the rate used (units of `to_currency` per unit of
    `from_currency`), its source(s) and the day it was published (the older of the two legs'
    days when both currencies needed a rate; earlier than `on_date` when that day had none)."""

    amount: Decimal
    from_amount: Decimal
    from_currency: str
    to_currency: str
    rate: Decimal
    source: str
    rate_date: date
    on_date: date

    @property
    def carried_forward(self) -> bool:
        """The day had no published rate: the last one before it was used."""
        return self.rate_date < self.on_date

    def as_json(self) -> dict[str, Any]:
        return {
            "from": Money(self.from_amount, self.from_currency).shown(),
            "to": Money(self.amount, self.to_currency).shown(),
            "rate": rate_text(self.rate),
            "source": self.source,
            "rate_date": self.rate_date.isoformat(),
        }


def rate_text(rate: Decimal) -> str:
    """A rate as plain decimal text, 6 decimals at most: `150`, `0.006667`."""
    return format(_CTX.quantize(rate, Decimal("0.000001")).normalize(), "f")


class RateBook:
    """Published rates by currency and day; `convert` picks each day's (or the last before)."""

    def __init__(self, rates: Iterable[Rate], max_age_days: int = MAX_RATE_AGE_DAYS) -> None:
        by_currency: dict[str, dict[date, Rate]] = {}
        for rate in rates:
            by_currency.setdefault(rate.currency.upper(), {})[rate.day] = rate
        self._days = {c: sorted(days) for c, days in by_currency.items()}
        self._rates = by_currency
        self._max_age = timedelta(days=max_age_days)

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self._rates) | {EURO}

    def rate_on(self, currency: str, day: date) -> Rate | None:
        """The rate of `currency` on `day`, or the last one before it (within the max age)."""
        currency = currency.upper()
        if currency == EURO:
            return Rate(EURO, day, Decimal(1), "")
        days = self._days.get(currency)
        if not days:
            return None
        i = bisect.bisect_right(days, day)
        if i == 0 or day - days[i - 1] > self._max_age:
            return None
        return self._rates[currency][days[i - 1]]

    def rate(self, from_currency: str, to_currency: str, day: date) -> tuple[Decimal, str, date] | None:
        """Units of `to_currency` per unit of `from_currency` on `day`, with source and the
        publication day; None when either currency has no rate."""
        a, b = self.rate_on(from_currency, day), self.rate_on(to_currency, day)
        if a is None or b is None:
            return None
        legs = [r for r in (a, b) if r.currency != EURO]
        source = "+".join(dict.fromkeys(r.source for r in legs)) or "identity"
        published = min((r.day for r in legs), default=day)
        return _CTX.divide(b.per_eur, a.per_eur), source, published

    def convert(self, amount: Decimal, from_currency: str, to_currency: str, day: date) -> Conversion | None:
        """`amount` of `from_currency` in `to_currency` at `day`'s rate (full precision)."""
        if from_currency.upper() == to_currency.upper():
            return Conversion(amount, amount, from_currency, to_currency, Decimal(1), "identity", day, day)
        found = self.rate(from_currency, to_currency, day)
        if found is None:
            return None
        rate, source, published = found
        return Conversion(
            _CTX.multiply(amount, rate), amount, from_currency, to_currency, rate, source, published, day
        )


def convert(
    book: RateBook, amount: Decimal, from_currency: str, to_currency: str, on_date: date
) -> Conversion | None:
    """`amount` from one currency to another at `on_date`'s reference rate: the converted amount
    with the rate, its source and the day it was published; None when a currency has no rate."""
    return book.convert(amount, from_currency, to_currency, on_date)
