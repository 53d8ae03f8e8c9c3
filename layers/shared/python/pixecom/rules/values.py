"""The metric values a seller reads in the Ads Manager, as numbers rules and alerts compare.

Evaluation reads each row's summed counters (`pixecom.adsmanager.sums`) and computes a metric
only when a rule or alert first reads it, with the one metric table and the Ads Manager's
rounding (`pixecom.domain.metrics.shown_value`: money in the currency's minor units, ratios to 4
decimals, null where undefined): the very numbers on screen, as Decimals and ints. A rule reads
2 or 3 of the 25 metrics of thousands of rows, and the rules of an evaluation read the same rows
again, so each value is kept once computed. Pure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from pixecom.adsmanager.sums import Sums
from pixecom.domain.metrics import METRIC_NAMES, SUMMED_COUNTERS, MetricValue, shown_value

Values = Mapping[str, MetricValue]
_UNSET = object()


class SummedMetrics(Mapping[str, MetricValue]):
    """One row's metrics as shown, from its summed counters; None = undefined (or, for the
    metrics reading `results`, summed over mixed result types)."""

    __slots__ = ("_mixed", "_places", "_shown", "_sums")

    def __init__(self, sums: Sums, places: int, results_mixed: bool = False) -> None:
        self._sums = dict(zip(SUMMED_COUNTERS, sums, strict=True))
        self._places = places
        self._mixed = results_mixed
        self._shown: dict[str, MetricValue] = {}

    def __getitem__(self, name: str) -> MetricValue:
        value = self._shown.get(name, _UNSET)
        if value is _UNSET:  # not read yet (a miss is common: no exception for it)
            value = self._shown[name] = shown_value(name, self._sums, self._places, self._mixed)
        return value  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return iter(METRIC_NAMES)

    def __len__(self) -> int:
        return len(METRIC_NAMES)


def number(values: Values, name: str) -> Decimal | None:
    """A metric as a Decimal; None where it is undefined."""
    value = values[name]
    return value if value is None or isinstance(value, Decimal) else Decimal(value)


def amount(values: Values, name: str) -> Decimal:
    """A summed metric (spend, purchases, ...): never undefined, 0 when absent."""
    return number(values, name) or Decimal(0)
