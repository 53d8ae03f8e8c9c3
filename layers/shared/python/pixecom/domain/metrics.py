"""The funnel metrics computed in Python: pure, no I/O. What they are is `pixecom.domain.catalogue`.

Base counters are summed first (`MetricTotals`); every ratio is then recomputed from the summed
numerator and denominator (`compute_metrics`), never averaged over rows. A zero denominator gives
None ("undefined"), never 0 and never infinity. `format_metrics` turns the full-precision values
into the API/CSV shape: money as strings in the currency's minor units, ratios as 4-decimal
numbers, counts as ints. Every metric is one line of the catalogue's `METRICS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field, make_dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING, Any

from pixecom.domain.catalogue import METRICS, SUMMED, SUMMED_COUNTERS, Counter, Kind, Metric
from pixecom.domain.currency import minor_units

__all__ = [  # the catalogue's names, re-exported for the readers of metrics
    "METRICS",
    "SUMMED_COUNTERS",
    "Kind",
    "Metric",
    "MetricTotals",
]

# A fixed arithmetic context, so results never depend on whatever the calling thread's decimal
# context happens to be. 34 digits (IEEE decimal128) is far beyond any ad account's numbers.
_CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(5)}
_SHOWN = Context(prec=34, rounding=ROUND_HALF_UP)  # how values are shown: half-up
_RATIO_QUANTUM = Decimal("0.0001")

Number = Decimal | int
_POSITION: dict[str, int] = {name: i for i, name in enumerate(SUMMED_COUNTERS)}
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


class _TotalsMethods:
    """What MetricTotals does beyond holding its counters (its fields come from the catalogue)."""

    __slots__ = ()

    @classmethod
    def zero(cls) -> MetricTotals:
        """Totals of no rows at all (an entity without stats in the range)."""
        return MetricTotals()

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any]) -> MetricTotals:
        """Build from a DB row mapping keyed by the column names; None (SUM over no rows) -> 0.

        A missing key raises KeyError on purpose: a mislabelled column must not read as zeros.
        """
        return MetricTotals(**{c.name: _read(c, m[c.name]) for c in SUMMED})

    @property
    def values(self) -> tuple[Number, ...]:
        """The counters in SUMMED_COUNTERS order."""
        return tuple(getattr(self, name) for name in SUMMED_COUNTERS)

    def __add__(self, other: object) -> MetricTotals:
        if not isinstance(other, MetricTotals):
            return NotImplemented
        return MetricTotals(*(a + b for a, b in zip(self.values, other.values, strict=True)))


def _read(counter: Counter, value: Any) -> Number:
    return _as_decimal(value) if counter.money else _as_int(value)


if TYPE_CHECKING:

    class MetricTotals(_TotalsMethods):
        def __init__(self, *values: Any, **named: Any) -> None: ...
        def __getattr__(self, name: str) -> Number: ...

else:
    # Summed base counters for any set of ad-day rows (one ad, a campaign, a whole summary): a
    # frozen dataclass with one field per additive counter of the catalogue, in order. Counters
    # left out are 0 (a counter added to the catalogue later does not change older callers).
    MetricTotals = make_dataclass(
        "MetricTotals",
        [(c.name, Decimal if c.money else int, field(default=Decimal(0) if c.money else 0)) for c in SUMMED],
        bases=(_TotalsMethods,),
        frozen=True,
        namespace={"__module__": __name__},
    )


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


METRIC_BY_NAME: dict[str, Metric] = {m.name: m for m in METRICS}
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
MONEY_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.MONEY)
RATIO_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.RATIO)
COUNT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.kind is Kind.COUNT)
# Metrics that read `results`: null where the rows summed have different result types.
RESULT_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.counts_results)

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
