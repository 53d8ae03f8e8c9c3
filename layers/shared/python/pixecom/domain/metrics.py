"""The one definition of the funnel metrics (docs/metrics.md): pure, no I/O.

Base counters are summed first (`MetricTotals`); every ratio is then recomputed from the summed
numerator and denominator (`compute_metrics`), never averaged over rows. A zero denominator gives
None ("undefined"), never 0 and never infinity. `format_metrics` turns the full-precision values
into the API/CSV shape: money as strings in the currency's minor units, ratios as 4-decimal
numbers, counts as ints. Every metric is one line of the table `METRICS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from enum import StrEnum
from typing import Any

from pixecom.domain.currency import minor_units

# A fixed arithmetic context, so results never depend on whatever the calling thread's decimal
# context happens to be. 34 digits (IEEE decimal128) is far beyond any ad account's numbers.
_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(5)}
_SHOWN = Context(prec=34, rounding=ROUND_HALF_UP)  # how values are shown: half-up
_RATIO_QUANTUM = Decimal("0.0001")

Number = Decimal | int
FormattedValue = str | int | float | None


def _as_decimal(value: Any) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, float):
        # str() first: Decimal(0.1) would carry the binary float's noise into money.
        return Decimal(str(value))
    return Decimal(value)


def _as_int(value: Any) -> int:
    if value is None:
        return 0
    # Postgres SUM(bigint) comes back as NUMERIC (a Decimal); it is integral by construction.
    return int(value)


@dataclass(frozen=True)
class MetricTotals:
    """Summed base counters for any set of ad-day rows (one ad, a campaign, a whole summary)."""

    spend: Decimal
    impressions: int
    clicks: int
    link_clicks: int
    content_views: int
    add_to_cart: int
    initiate_checkout: int
    purchases: int
    purchase_value: Decimal
    results: int

    @classmethod
    def zero(cls) -> MetricTotals:
        """Totals of no rows at all (an entity without stats in the range)."""
        return cls(Decimal(0), 0, 0, 0, 0, 0, 0, 0, Decimal(0), 0)

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any]) -> MetricTotals:
        """Build from a DB row mapping keyed by the column names; None (SUM over no rows) -> 0.

        A missing key raises KeyError on purpose: a mislabelled column must not read as zeros.
        """
        return cls(
            spend=_as_decimal(m["spend"]),
            impressions=_as_int(m["impressions"]),
            clicks=_as_int(m["clicks"]),
            link_clicks=_as_int(m["link_clicks"]),
            content_views=_as_int(m["content_views"]),
            add_to_cart=_as_int(m["add_to_cart"]),
            initiate_checkout=_as_int(m["initiate_checkout"]),
            purchases=_as_int(m["purchases"]),
            purchase_value=_as_decimal(m["purchase_value"]),
            results=_as_int(m["results"]),
        )

    def __add__(self, other: MetricTotals) -> MetricTotals:
        if not isinstance(other, MetricTotals):
            return NotImplemented
        return MetricTotals(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


# The additive columns of ad_stats_daily (and its rollups), in MetricTotals order. Reach is not
# additive across days or ads, so it is never among them.
SUMMED_COUNTERS: tuple[str, ...] = tuple(f.name for f in fields(MetricTotals))


def sum_totals(items: Iterable[MetricTotals]) -> MetricTotals:
    """Sum of many totals; the zero totals for an empty iterable."""
    total = MetricTotals.zero()
    for item in items:
        total = total + item
    return total


def ratio(numerator: Number, denominator: Number, scale: int = 1) -> Decimal | None:
    """numerator / denominator x scale; None when the denominator is zero (never 0, never inf)."""
    if not denominator:
        return None
    scaled = _CTX.multiply(numerator, scale) if scale != 1 else Decimal(numerator)
    return _CTX.divide(scaled, denominator)  # the context takes ints as they are: exact


class Kind(StrEnum):
    """How a metric is shown: counts as integers, money in the currency's minor units, ratios
    (and percentages) as numbers with 4 decimals."""

    COUNT = "count"
    MONEY = "money"
    RATIO = "ratio"


@dataclass(frozen=True)
class Metric:
    """One metric: a summed counter (no formula) or numerator x scale / denominator of counters."""

    name: str
    kind: Kind
    numerator: str | None = None
    denominator: str | None = None
    scale: int = 1

    @property
    def derived(self) -> bool:
        return self.numerator is not None

    @property
    def counts_results(self) -> bool:
        """True when the metric reads `results`: it means nothing where result types are mixed."""
        return "results" in (self.name, self.numerator, self.denominator)


C, M, R = Kind.COUNT, Kind.MONEY, Kind.RATIO

# THE metric table (docs/metrics.md): the API's `metrics` object and the CSV
# columns in this order. compute_metrics, the money/ratio/count sets and the SQL formulas of the
# read side (pixecom.adsmanager.sql) are all derived from it: a new ratio metric is one line here.
# CPM is money: a cost (spend per 1000 impressions) in the account's currency.
METRICS: tuple[Metric, ...] = (
    Metric("spend", M),
    Metric("impressions", C),
    Metric("clicks", C),
    Metric("link_clicks", C),
    Metric("content_views", C),
    Metric("add_to_cart", C),
    Metric("initiate_checkout", C),
    Metric("purchases", C),
    Metric("purchase_value", M),
    Metric("results", C),
    Metric("cpm", M, "spend", "impressions", 1000),
    Metric("ctr", R, "link_clicks", "impressions", 100),
    Metric("ctr_all", R, "clicks", "impressions", 100),
    Metric("cpc", M, "spend", "link_clicks"),
    Metric("cpv", M, "spend", "content_views"),
    Metric("cost_per_add_to_cart", M, "spend", "add_to_cart"),
    Metric("cost_per_checkout", M, "spend", "initiate_checkout"),
    Metric("cost_per_purchase", M, "spend", "purchases"),
    Metric("cr", R, "purchases", "content_views", 100),
    Metric("cr1", R, "add_to_cart", "content_views", 100),
    Metric("cr2", R, "initiate_checkout", "add_to_cart", 100),
    Metric("cr3", R, "purchases", "initiate_checkout", 100),
    Metric("cost_per_result", M, "spend", "results"),
    Metric("roas", R, "purchase_value", "spend"),
    Metric("aov", M, "purchase_value", "purchases"),
)
METRIC_BY_NAME: dict[str, Metric] = {m.name: m for m in METRICS}
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
MONEY_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is M)
RATIO_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is R)
COUNT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is C)
# Metrics that read `results`: null where the rows summed have different result types.
RESULT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.counts_results)

if tuple(m.name for m in METRICS if not m.derived) != SUMMED_COUNTERS:  # pragma: no cover
    raise RuntimeError("METRICS' counters must be MetricTotals' fields, in order")

MetricValue = Decimal | int | None


class DerivedMetrics(Mapping[str, MetricValue]):
    """Every metric of the Ads Manager at full precision, by name (also as attributes); None
    where a denominator is zero. Immutable."""

    __slots__ = ("_values",)
    _values: dict[str, MetricValue]

    def __init__(self, values: dict[str, MetricValue]) -> None:
        object.__setattr__(self, "_values", values)

    def __getitem__(self, name: str) -> MetricValue:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __getattr__(self, name: str) -> MetricValue:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"DerivedMetrics is immutable ({name})")

    def __repr__(self) -> str:
        return f"DerivedMetrics({self._values!r})"


def compute_metrics(t: MetricTotals) -> DerivedMetrics:
    """Derive every metric of METRICS from summed counters; percentages carry their x 100 scale."""
    values: dict[str, MetricValue] = {}
    for m in METRICS:
        if m.numerator is None:
            values[m.name] = getattr(t, m.name)
        else:
            assert m.denominator is not None
            values[m.name] = ratio(getattr(t, m.numerator), getattr(t, m.denominator), m.scale)
    return DerivedMetrics(values)


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


# Each metric's counters as positions in SUMMED_COUNTERS order (shown_value reads a row's sums
# as they come from the database, without naming them).
_POSITION: dict[str, int] = {name: i for i, name in enumerate(SUMMED_COUNTERS)}
_OPERANDS: dict[str, tuple[int, int]] = {
    m.name: (_POSITION[m.numerator], _POSITION[m.denominator])
    for m in METRICS
    if m.numerator is not None and m.denominator is not None
}


def shown_value(name: str, sums: Sequence[Number], places: int, results_mixed: bool = False) -> MetricValue:
    """One metric of summed counters (`sums`: in SUMMED_COUNTERS order) as the Ads Manager shows
    it, as a number: money rounded half-up to `places` (the currency's minor units), ratios to 4
    decimals, counts as ints; None where undefined, or for a metric reading `results` over mixed
    result types. The value `format_metrics` formats, without making the other 24 (rules read 2
    or 3 metrics of thousands of rows).
    """
    m = METRIC_BY_NAME[name]
    if results_mixed and m.counts_results:
        return None
    if m.numerator is None:
        value: Number | None = sums[_POSITION[name]]
    else:
        numerator, denominator = _OPERANDS[name]
        value = ratio(sums[numerator], sums[denominator], m.scale)
    if value is None:
        return None
    if m.kind is Kind.COUNT:
        return int(value)
    return _SHOWN.quantize(value, _QUANTA[places] if m.kind is Kind.MONEY else _RATIO_QUANTUM)


def format_metrics(
    d: Mapping[str, MetricValue], *, currency: str | None = None, results_mixed: bool = False
) -> dict[str, FormattedValue]:
    """The API/CSV `metrics` object, keys in METRIC_NAMES order.

    Money -> strings with the currency's minor units (JPY "1090", USD "12.35", KWD "1.235"; 2
    without a currency), half-up; ratios and percentages -> floats rounded half-up to 4 decimals;
    counts -> int; undefined -> None. `results_mixed`: the rows summed have different result
    types, so `results` and every metric reading it (cost_per_result) are None.
    """
    places = minor_units(currency) if currency else 2
    out: dict[str, FormattedValue] = {}
    for m in METRICS:
        value = d[m.name]
        if results_mixed and m.counts_results:
            out[m.name] = None
        elif m.kind is Kind.MONEY:
            out[m.name] = format_money(value if value is None else Decimal(value), places)
        elif m.kind is Kind.RATIO:
            out[m.name] = format_ratio(value if value is None else Decimal(value))
        else:
            out[m.name] = None if value is None else int(value)
    return out


def metrics_payload(
    t: MetricTotals, *, currency: str | None = None, results_mixed: bool = False
) -> dict[str, FormattedValue]:
    """Shortcut: format_metrics(compute_metrics(t), ...)."""
    return format_metrics(compute_metrics(t), currency=currency, results_mixed=results_mixed)


def sort_value(d: DerivedMetrics, key: str) -> Decimal | int | None:
    """The full-precision value to sort by for a metric name (None = undefined, sorts last).

    Raises KeyError for a name that is not in METRIC_NAMES (callers turn it into a 422).
    """
    if key not in METRIC_BY_NAME:
        raise KeyError(key)
    return d[key]
