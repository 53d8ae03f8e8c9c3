"""The metric values a seller reads in the Ads Manager, as numbers rules and alerts compare.

Evaluation reads each row's metrics as shown (`pixecom.adsmanager.sums`: computed and rounded
in SQL by the lists' own expressions): money in the currency's minor units and ratios to 4
decimals as Decimals, counts as ints, None where undefined. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from pixecom.domain.catalogue import METRIC_BY_NAME, Kind

MetricValue = Decimal | int | None
Values = Mapping[str, MetricValue]


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
