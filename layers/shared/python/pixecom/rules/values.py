"""The metric values a seller reads in the Ads Manager, as numbers rules and alerts compare.

The Ads Manager statement returns each row's `metrics` object formatted by Postgres (money with
the currency's minor units, ratios with 4 decimals, null where undefined): the very numbers on
screen. `parse_metrics` reads that JSON back without float noise, so a rule decides on exactly
what the seller sees. Pure.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal

from pixecom.domain.metrics import METRICS, Kind, MetricValue

Values = Mapping[str, MetricValue]


def parse_metrics(metrics_json: str) -> dict[str, MetricValue]:
    """`{"spend": "12.30", "roas": 3.1416, "purchases": 2, "cpc": null, ...}` -> Decimals/ints."""
    raw = json.loads(metrics_json, parse_float=Decimal)
    out: dict[str, MetricValue] = {}
    for m in METRICS:
        value = raw.get(m.name)
        if value is None:
            out[m.name] = None
        elif m.kind is Kind.COUNT:
            out[m.name] = int(value)
        else:
            out[m.name] = Decimal(str(value))
    return out


def number(values: Values, name: str) -> Decimal | None:
    """A metric as a Decimal; None where it is undefined."""
    value = values[name]
    return None if value is None else Decimal(value)


def amount(values: Values, name: str) -> Decimal:
    """A summed metric (spend, purchases, ...): never undefined, 0 when absent."""
    return number(values, name) or Decimal(0)
