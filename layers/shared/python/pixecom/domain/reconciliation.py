"""Reconciliation of our ad rows with Meta's own account totals, per account-day: pure.

After each stats run the sync reads Meta's account-level daily totals for the window and compares
them with the sum of our ad rows. Nothing is tolerated: Meta rounds spend to the currency's minor
unit per ad and per account alike, so any difference means rows we lack (or hold wrongly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Literal, get_args

Number = Decimal | int

ReconciledMetric = Literal["spend", "impressions", "link_clicks", "purchases", "purchase_value"]
# The compared numbers, in the order differences are reported.
RECONCILED_METRICS: tuple[ReconciledMetric, ...] = get_args(ReconciledMetric)


@dataclass(frozen=True)
class DayTotals:
    """One account-day's compared numbers (Meta's, or the sum of our ad rows)."""

    spend: Decimal = Decimal(0)
    impressions: int = 0
    link_clicks: int = 0
    purchases: int = 0
    purchase_value: Decimal = Decimal(0)


assert tuple(f.name for f in fields(DayTotals)) == RECONCILED_METRICS


@dataclass(frozen=True)
class Difference:
    """Meta and we disagree on one metric of one day."""

    date: dt.date
    metric: ReconciledMetric
    meta: Number
    ours: Number

    @property
    def difference(self) -> Number:
        """Meta's value minus ours: positive when we are missing something."""
        return self.meta - self.ours

    @property
    def relative(self) -> Decimal:
        """|meta - ours| as a share of the larger of the two (1 when one side is zero)."""
        larger = max(abs(Decimal(self.meta)), abs(Decimal(self.ours)))
        return abs(Decimal(self.difference)) / larger


def day_differences(day: dt.date, meta: DayTotals, ours: DayTotals) -> list[Difference]:
    """Every metric on which the two disagree (exact comparison)."""
    return [
        Difference(day, name, getattr(meta, name), getattr(ours, name))
        for name in RECONCILED_METRICS
        if getattr(meta, name) != getattr(ours, name)
    ]


def largest_difference(differences: Iterable[Difference]) -> Difference | None:
    """The difference that matters most: the largest relative one, then the latest day, then
    the metric order above. None when there is none."""
    ranked = sorted(
        differences,
        key=lambda d: (d.relative, d.date, -RECONCILED_METRICS.index(d.metric)),
        reverse=True,
    )
    return ranked[0] if ranked else None
