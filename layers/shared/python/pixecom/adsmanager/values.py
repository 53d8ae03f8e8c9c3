"""The metric values a seller reads in the Ads Manager, as numbers rules and alerts compare.

Evaluation reads each row's summed counters (`pixecom.adsmanager.sums`) and computes a metric
only when a rule or alert first reads it, with the one metric table and the Ads Manager's
rounding (`pixecom.domain.metrics.shown_value`: money in the currency's minor units, ratios to 4
decimals, null where undefined): the very numbers on screen, as Decimals and ints. A rule reads
2 or 3 of the 25 metrics of thousands of rows, and the rules of an evaluation read the same rows
again, so each value is kept once computed. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from pixecom.adsmanager.sums import Sums
from pixecom.domain.metrics import METRIC_BY_NAME, Kind, MetricValue, shown_value

Values = Mapping[str, MetricValue]


class SummedMetrics(dict[str, MetricValue]):
    """One row's metrics as shown, from its summed counters; None = undefined (or, for the
    metrics reading `results`, summed over mixed result types).

    A dict of the metrics read so far: reading one computes it the first time (`__missing__`),
    then it is a plain dict lookup (rules read the same few metrics of thousands of rows)."""

    __slots__ = ("_mixed", "_places", "_sums")

    def __init__(self, sums: Sums, places: int, results_mixed: bool = False) -> None:
        super().__init__()
        self._sums = sums
        self._places = places
        self._mixed = results_mixed

    def __missing__(self, name: str) -> MetricValue:
        if name not in METRIC_BY_NAME:
            raise KeyError(name)
        value = self[name] = shown_value(name, self._sums, self._places, self._mixed)
        return value


def number(values: Values, name: str) -> Decimal | None:
    """A metric as a Decimal; None where it is undefined."""
    value = values[name]
    return value if value is None or isinstance(value, Decimal) else Decimal(value)


def amount(values: Values, name: str) -> Decimal:
    """A summed metric (spend, purchases, ...): never undefined, 0 when absent."""
    return number(values, name) or Decimal(0)


ShownValue = str | int | float | None


def shown(name: str, value: object) -> ShownValue:
    """A metric's value in the Ads Manager's JSON type: money a decimal string (as rounded to
    the currency's minor units), ratios and percentages numbers, counts integers; also turns the
    strings older rule runs and alerts stored back into those types."""
    if value is None:
        return None
    kind = METRIC_BY_NAME[name].kind
    if kind is Kind.RATIO:
        return float(str(value))
    if kind is Kind.COUNT:
        return int(str(value))
    return str(value)


def shown_metrics(values: Mapping[str, object], names: Iterable[str]) -> dict[str, ShownValue]:
    """`names` of `values` (metric names) in the Ads Manager's JSON types (`shown`)."""
    return {name: shown(name, values[name]) for name in dict.fromkeys(names)}
