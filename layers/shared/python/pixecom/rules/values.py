"""The metric values a seller reads in the Ads Manager, as numbers rules and alerts compare.

The Ads Manager statement returns each row's `metrics` object formatted by Postgres (money with
the currency's minor units, ratios with 4 decimals, null where undefined): the very numbers on
screen. `parse_metrics` reads that JSON back without float noise (ratios parse as Decimal,
money strings become Decimal when read), so a rule decides on exactly what the seller sees.
Money converts on first read (and is kept): a rule reads 2 or 3 of the 25 metrics of thousands
of rows, and the rules of an evaluation read the same rows again. Pure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from pixecom.domain.metrics import METRIC_NAMES, MetricValue

Values = Mapping[str, MetricValue]


class ShownMetrics(Mapping[str, MetricValue]):
    """One row's `metrics` object as Decimals (money, ratios) and ints (counts); None = undefined."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw

    def __getitem__(self, name: str) -> MetricValue:
        value = self._raw[name]
        if type(value) is not str:
            return value  # None, counts (int), ratios (parsed as Decimal)
        self._raw[name] = converted = Decimal(value)  # money: a string with the currency's decimals
        return converted

    def __iter__(self) -> Iterator[str]:
        return iter(METRIC_NAMES)

    def __len__(self) -> int:
        return len(METRIC_NAMES)


_DECODER = json.JSONDecoder(parse_float=Decimal)  # one decoder: json.loads builds one per call


def parse_metrics(metrics_json: str) -> ShownMetrics:
    """`{"spend": "12.30", "roas": 3.1416, "purchases": 2, "cpc": null, ...}` as numbers."""
    return ShownMetrics(_DECODER.raw_decode(metrics_json)[0])  # Postgres' JSON: no padding


def number(values: Values, name: str) -> Decimal | None:
    """A metric as a Decimal; None where it is undefined."""
    value = values[name]
    return value if value is None or isinstance(value, Decimal) else Decimal(value)


def amount(values: Values, name: str) -> Decimal:
    """A summed metric (spend, purchases, ...): never undefined, 0 when absent."""
    return number(values, name) or Decimal(0)
