"""SQL fragments of the Ads Manager read side, derived from the domain's tables.

Postgres computes and formats the metrics of list rows and summaries (`metrics_json`), so the
API streams the JSON it builds. Every formula comes from `pixecom.domain.metrics.METRICS`, the
minor units from `pixecom.domain.currency`, the result types from `pixecom.domain.results`: the
Python functions there and this SQL cannot drift apart (tests run both on the same totals).
"""

from __future__ import annotations

from dataclasses import dataclass

from pixecom.adsmanager.params import Level
from pixecom.domain.currency import DEFAULT_MINOR_UNITS, MINOR_UNITS
from pixecom.domain.metrics import METRIC_BY_NAME, METRICS, SUMMED_COUNTERS, Kind
from pixecom.domain.results import GOAL_RESULT_TYPES, PIXEL_EVENT_RESULT_TYPES, PIXEL_GOALS

# The additive counters of ad_stats_daily, in MetricTotals order. Reach is not additive: never here.
SUM_COLUMNS: tuple[str, ...] = SUMMED_COUNTERS

# metric -> (numerator, denominator, scale) of every derived metric, from the one metric table.
RATIO_FORMULAS: dict[str, tuple[str, str, int]] = {
    m.name: (m.numerator, m.denominator, m.scale)
    for m in METRICS
    if m.numerator is not None and m.denominator is not None
}
RATIO_DECIMALS = 4


def metric_expr(name: str, alias: str) -> str:
    """SQL for one metric over already-summed NUMERIC columns of `alias` (full precision)."""
    if name in SUM_COLUMNS:
        return f"{alias}.{name}"
    num, den, scale = RATIO_FORMULAS[name]
    return f"({alias}.{num} * {scale}) / NULLIF({alias}.{den}, 0)"


def _literal(value: str) -> str:
    assert "'" not in value  # fixed table entries only
    return f"'{value}'"


def minor_units_sql(currency: str) -> str:
    """The ISO 4217 minor units of the currency column `currency` (domain.currency's table)."""
    by_units: dict[int, list[str]] = {}
    for code, units in MINOR_UNITS.items():
        by_units.setdefault(units, []).append(_literal(code))
    whens = " ".join(
        f"WHEN {currency} IN ({', '.join(codes)}) THEN {units}" for units, codes in by_units.items()
    )
    return f"(CASE {whens} ELSE {DEFAULT_MINOR_UNITS} END)"


def result_type_sql(adset: str) -> str:
    """The result type of ad set alias `adset` (domain.results.result_type, as SQL)."""
    goal, event = f"upper({adset}.optimization_goal)", f"upper({adset}.promoted_event)"
    events = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in PIXEL_EVENT_RESULT_TYPES.items())
    pixel = " ".join(
        f"WHEN {_literal(g)} THEN CASE {event} {events} ELSE "
        f"{_literal(default) if default else 'CAST(NULL AS text)'} END"
        for g, default in PIXEL_GOALS.items()
    )
    goals = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in GOAL_RESULT_TYPES.items())
    return f"(CASE {goal} {pixel} {goals} ELSE CAST(NULL AS text) END)"


def metrics_json(alias: str, minor_units: str, results_mixed: str) -> str:
    """`json_build_object(...)` of the API's `metrics` object over summed columns of `alias`.

    Money: text rounded half-up to `minor_units` decimals (an SQL expression); ratios: numbers
    rounded half-up to 4 decimals; counts: integers; zero denominators:
    null; `results_mixed` (an SQL boolean): null for results and every metric reading it. Equal
    to `domain.metrics.format_metrics` (a test checks it on the same totals).
    """
    parts = []
    for m in METRICS:
        value = metric_expr(m.name, alias)
        if m.kind is Kind.MONEY:
            value = f"CAST(round({value}, {minor_units}) AS text)"
        elif m.kind is Kind.RATIO:
            value = f"round({value}, {RATIO_DECIMALS})"
        if METRIC_BY_NAME[m.name].counts_results:
            value = f"CASE WHEN {results_mixed} THEN NULL ELSE {value} END"
        parts.append(f"'{m.name}', {value}")
    return f"json_build_object({', '.join(parts)})"


def sum_list(source: str, *, coalesce: bool = False, cast: bool = False, where: str = "") -> str:
    """`sum(s.spend) AS spend, ...` (or `COALESCE(st.spend, 0) AS spend, ...` with coalesce);
    `where` adds `FILTER (WHERE ...)` to each sum."""
    parts = []
    agg_filter = f" FILTER (WHERE {where})" if where else ""
    for col in SUM_COLUMNS:
        expr = f"COALESCE({source}.{col}, 0)" if coalesce else f"sum({source}.{col}){agg_filter}"
        if cast:
            expr = f"CAST({expr} AS numeric)"
        parts.append(f"{expr} AS {col}")
    return ", ".join(parts)


@dataclass(frozen=True)
class LevelSql:
    """Table names and column expressions of one list level (alias `e` = the listed entity)."""

    table: str
    # Where the level's daily sums live: the campaign/ad set rollups (kept exact by a trigger on
    # ad_stats_daily, migration 0002) hold ~50x / ~10x fewer rows than ad_stats_daily.
    stats_table: str
    stats_key: str  # the stats table's column the entity's stats group on
    # Per entity and date preset (kept exact by a trigger, migrations 0003 and 0012).
    snapshot_table: str
    campaign_expr: str  # the entity's campaign id
    adset_expr: str  # the entity's ad set id (NULL for campaigns)
    parent_join: str  # how to reach the campaign (for sellpage_id)
    sellpage_expr: str


LEVELS: dict[Level, LevelSql] = {
    Level.CAMPAIGNS: LevelSql(
        table="campaigns",
        stats_table="campaign_stats_daily",
        snapshot_table="campaign_preset_stats",
        stats_key="campaign_id",
        campaign_expr="e.id",
        adset_expr="CAST(NULL AS uuid)",
        parent_join="",
        sellpage_expr="e.sellpage_id",
    ),
    Level.ADSETS: LevelSql(
        table="adsets",
        stats_table="adset_stats_daily",
        snapshot_table="adset_preset_stats",
        stats_key="adset_id",
        campaign_expr="e.campaign_id",
        adset_expr="e.id",
        parent_join="JOIN campaigns c ON c.id = e.campaign_id",
        sellpage_expr="c.sellpage_id",
    ),
    Level.ADS: LevelSql(
        table="ads",
        stats_table="ad_stats_daily",
        snapshot_table="ad_preset_stats",
        stats_key="ad_id",
        campaign_expr="e.campaign_id",
        adset_expr="e.adset_id",
        parent_join="JOIN campaigns c ON c.id = e.campaign_id",
        sellpage_expr="c.sellpage_id",
    ),
}
