"""The seam where store revenue in another currency than the spend's will be converted.

A sellpage's ratios (store ROAS, MER, the purchase-value gap) compare store revenue with Meta
spend. Where the store sold in a currency the spend is not in, the revenue must be converted
day by day at that day's rate before it can be compared; summing unlike currencies is never
done. Until dated exchange rates exist, `NO_RATES` converts nothing and those ratios are null
with the reason. A rates service plugs in by implementing `RevenueConverter`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol


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
