"""The seam where store revenue in another currency than the spend's will be converted.

A sellpage's ratios (store ROAS, MER, the purchase-value gap) compare store revenue with Meta
spend. Where the store sold in a currency the spend is not in, the revenue must be converted
day by day at that day's rate before it can be compared; summing unlike currencies is never
done. `BookConverter` converts at the stored reference rates (`pixecom.rates`); `NO_RATES`
converts nothing, and then those ratios are null with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from pixecom.domain.money import RateBook


@dataclass(frozen=True)
class DatedAmount:
    """Store revenue of one day in one currency."""

    day: date
    currency: str
    amount: Decimal


@dataclass(frozen=True)
class Converted:
    """A sum converted into one currency, and what it rests on (shown beside the numbers)."""

    amount: Decimal
    source: str  # which rates, e.g. "ECB reference rates"
    rate_dates: tuple[date, ...]


class RevenueConverter(Protocol):
    def convert(self, amounts: Sequence[DatedAmount], to_currency: str) -> Converted | None:
        """The sum of `amounts` in `to_currency`, each at its own day's rate; None when a rate
        is missing for any of them (a partial sum would be wrong, not approximate)."""
        ...


class NoRates:
    """No exchange rates yet: only amounts already in the target currency are summed."""

    def convert(self, amounts: Sequence[DatedAmount], to_currency: str) -> Converted | None:
        if any(a.currency != to_currency for a in amounts):
            return None
        return Converted(sum((a.amount for a in amounts), Decimal(0)), source="none", rate_dates=())


NO_RATES = NoRates()


class BookConverter:
    """Each day's amount at that day's reference rate (or the last one published before it),
    then summed; None when any day of any currency has no rate. The book is read once, for the
    days the amounts cover."""

    def __init__(self, load_book: Callable[[date, date], RateBook]) -> None:
        self._load_book = load_book

    def convert(self, amounts: Sequence[DatedAmount], to_currency: str) -> Converted | None:
        foreign = [a for a in amounts if a.currency != to_currency]
        if not foreign:
            return NO_RATES.convert(amounts, to_currency)
        book = self._load_book(min(a.day for a in foreign), max(a.day for a in foreign))
        conversions = [book.convert(a.amount, a.currency, to_currency, a.day) for a in foreign]
        if any(c is None for c in conversions):
            return None
        done = [c for c in conversions if c is not None]
        home = sum((a.amount for a in amounts if a.currency == to_currency), Decimal(0))
        return Converted(
            home + sum((c.amount for c in done), Decimal(0)),
            source=", ".join(sorted({c.source for c in done})),
            rate_dates=tuple(sorted({c.rate_date for c in done})),
        )
