"""The one definition of the funnel metrics (DESIGN.md "Metrics"): pure, no I/O.

Base counters are summed first (`MetricTotals`); every ratio is then recomputed from the summed
numerator and denominator (`compute_metrics`), never averaged over rows. A zero denominator gives
None ("undefined"), never 0 and never infinity. `format_metrics` turns the full-precision values
into the API/CSV shape: money as 2-decimal strings, ratios as 4-decimal numbers, counts as ints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import Any

# A fixed arithmetic context, so results never depend on whatever the calling thread's decimal
# context happens to be. 34 digits (IEEE decimal128) is far beyond any ad account's numbers.
_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)
_CENT = Decimal("0.01")
_RATIO_QUANTUM = Decimal("0.0001")

Number = Decimal | int
FormattedValue = str | int | float | None

_INT_FIELDS = (
    "impressions",
    "clicks",
    "link_clicks",
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "results",
)


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
    return _CTX.divide(_CTX.multiply(Decimal(numerator), Decimal(scale)), Decimal(denominator))


@dataclass(frozen=True)
class DerivedMetrics:
    """Every metric of the Ads Manager at full precision; None where a denominator is zero."""

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
    cpm: Decimal | None
    ctr: Decimal | None
    ctr_all: Decimal | None
    cpc: Decimal | None
    cpv: Decimal | None
    cost_per_add_to_cart: Decimal | None
    cost_per_checkout: Decimal | None
    cost_per_purchase: Decimal | None
    cr: Decimal | None
    cr1: Decimal | None
    cr2: Decimal | None
    cr3: Decimal | None
    cost_per_result: Decimal | None
    roas: Decimal | None
    aov: Decimal | None


# The API's `metrics` object, in the order issue 6 lists it (also the CSV column order).
METRIC_NAMES: tuple[str, ...] = tuple(f.name for f in fields(DerivedMetrics))

# CPM is money: it is a cost (spend per 1000 impressions) in the account's currency, so it is shown
# like CPC, as a 2-decimal string, even though its formula has a scale factor.
MONEY_METRICS: frozenset[str] = frozenset(
    {
        "spend",
        "purchase_value",
        "cpm",
        "cpc",
        "cpv",
        "cost_per_add_to_cart",
        "cost_per_checkout",
        "cost_per_purchase",
        "cost_per_result",
        "aov",
    }
)
RATIO_METRICS: frozenset[str] = frozenset({"ctr", "ctr_all", "cr", "cr1", "cr2", "cr3", "roas"})
COUNT_METRICS: frozenset[str] = frozenset(_INT_FIELDS)


def compute_metrics(t: MetricTotals) -> DerivedMetrics:
    """Derive every metric from summed counters (DESIGN.md formulas); percentages are x 100."""
    return DerivedMetrics(
        spend=t.spend,
        impressions=t.impressions,
        clicks=t.clicks,
        link_clicks=t.link_clicks,
        content_views=t.content_views,
        add_to_cart=t.add_to_cart,
        initiate_checkout=t.initiate_checkout,
        purchases=t.purchases,
        purchase_value=t.purchase_value,
        results=t.results,
        cpm=ratio(t.spend, t.impressions, 1000),
        ctr=ratio(t.link_clicks, t.impressions, 100),
        ctr_all=ratio(t.clicks, t.impressions, 100),
        cpc=ratio(t.spend, t.link_clicks),
        cpv=ratio(t.spend, t.content_views),
        cost_per_add_to_cart=ratio(t.spend, t.add_to_cart),
        cost_per_checkout=ratio(t.spend, t.initiate_checkout),
        cost_per_purchase=ratio(t.spend, t.purchases),
        cr=ratio(t.purchases, t.content_views, 100),
        cr1=ratio(t.add_to_cart, t.content_views, 100),
        cr2=ratio(t.initiate_checkout, t.add_to_cart, 100),
        cr3=ratio(t.purchases, t.initiate_checkout, 100),
        cost_per_result=ratio(t.spend, t.results),
        roas=ratio(t.purchase_value, t.spend),
        aov=ratio(t.purchase_value, t.purchases),
    )


def format_money(value: Decimal | None) -> str | None:
    """A money value as a string with exactly 2 decimals, rounded half-up; None stays None."""
    if value is None:
        return None
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP, context=_CTX))


def format_ratio(value: Decimal | None) -> float | None:
    """A ratio/percentage rounded half-up to 4 decimals, as a JSON number; None stays None."""
    if value is None:
        return None
    return float(value.quantize(_RATIO_QUANTUM, rounding=ROUND_HALF_UP, context=_CTX))


def format_metrics(d: DerivedMetrics) -> dict[str, FormattedValue]:
    """The API/CSV `metrics` object, keys in METRIC_NAMES order.

    Money (spend, purchase_value, cpm, cpc, cpv, cost_per_*, aov) -> "12.35" strings, 2 decimals
    half-up; ratios and percentages (ctr, ctr_all, cr, cr1-cr3, roas) -> floats of the value
    rounded half-up to 4 decimals; counts -> int; undefined -> None. CPM counts as money.
    """
    out: dict[str, FormattedValue] = {}
    for name in METRIC_NAMES:
        value = getattr(d, name)
        if name in MONEY_METRICS:
            out[name] = format_money(value)
        elif name in RATIO_METRICS:
            out[name] = format_ratio(value)
        else:
            out[name] = int(value)
    return out


def metrics_payload(t: MetricTotals) -> dict[str, FormattedValue]:
    """Shortcut: format_metrics(compute_metrics(t))."""
    return format_metrics(compute_metrics(t))


def sort_value(d: DerivedMetrics, key: str) -> Decimal | int | None:
    """The full-precision value to sort by for a metric name (None = undefined, sorts last).

    Raises KeyError for a name that is not in METRIC_NAMES (callers turn it into a 422).
    """
    if key not in METRIC_NAMES:
        raise KeyError(key)
    value: Decimal | int | None = getattr(d, key)
    return value
