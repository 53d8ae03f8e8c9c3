"""The metric arithmetic Python still does, and the metric names by kind: pure, no I/O.

What each metric is lives in `pixecom.domain.catalogue`; its value in the Ads Manager (lists,
summaries, daily series, CSV, and the rules' and alerts' reads) is computed in one place, in
SQL (`pixecom.adsmanager.sql.shown_metric`). What stays here: an exact ratio of two summed
amounts (`ratio`, for numbers the catalogue does not hold: a store's conversions, converted
totals) and how such values are shown (`format_money`, `format_ratio`: half-up, as the SQL
rounds).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

from pixecom.domain.catalogue import METRIC_BY_NAME, METRICS, SUMMED_COUNTERS, Kind, Metric

__all__ = [  # the catalogue's names, re-exported for the readers of metrics
    "METRICS",
    "METRIC_BY_NAME",
    "SUMMED_COUNTERS",
    "Kind",
    "Metric",
]

# A fixed arithmetic context, so results never depend on whatever the calling thread's decimal
# context happens to be. 34 digits (IEEE decimal128) is far beyond any ad account's numbers.
_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(5)}
_SHOWN = Context(prec=34, rounding=ROUND_HALF_UP)  # how values are shown: half-up
_RATIO_QUANTUM = Decimal("0.0001")

Number = Decimal | int


def ratio(numerator: Number, denominator: Number, scale: int = 1) -> Decimal | None:
    """numerator / denominator x scale; None when the denominator is zero (never 0, never inf)."""
    if not denominator:
        return None
    scaled = _CTX.multiply(numerator, scale) if scale != 1 else Decimal(numerator)
    return _CTX.divide(scaled, denominator)  # the context takes ints as they are: exact


METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
MONEY_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.MONEY)
RATIO_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.RATIO)
COUNT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.COUNT)
# Metrics that read `results`: null where the rows summed have different result types.
RESULT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.counts_results)


def format_money(value: Decimal | None, places: int = 2) -> str | None:
    """A money value as a string with exactly `places` decimals (the currency's minor units,
    `pixecom.domain.currency.minor_units`), rounded half-up; None stays None."""
    if value is None:
        return None
    return str(_SHOWN.quantize(value, _QUANTA[places]))


def format_ratio(value: Decimal | None) -> float | None:
    """A ratio/percentage rounded half-up to 4 decimals, as a JSON number; None stays None."""
    if value is None:
        return None
    return float(_SHOWN.quantize(value, _RATIO_QUANTUM))
