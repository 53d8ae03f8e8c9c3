"""SQL fragments of the Ads Manager read side, derived from the domain's tables (psycopg `sql`).

Postgres computes every metric, in one expression per metric (`shown_metric`): formatted as
JSON for list rows, summaries and daily points (`metrics_json`, so the API streams the JSON it
builds), as numbers for the rules and alerts (`pixecom.adsmanager.sums`). Every formula comes
from the catalogue (`pixecom.domain.catalogue.METRICS`), the minor units from
`pixecom.domain.currency`, the result types from `pixecom.domain.results`. Names are quoted by
psycopg `sql` (`statement.ident`) and the tables' constants too (`statement.lit`): none of these
fragments holds a client value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pixecom.adsmanager.params import Level
from pixecom.adsmanager.statement import Fragment, ident, join, lit, q
from pixecom.domain.catalogue import METRIC_BY_NAME, METRICS, SUMMED_COUNTERS, Kind
from pixecom.domain.currency import DEFAULT_MINOR_UNITS, MINOR_UNITS
from pixecom.domain.results import GOAL_RESULT_TYPES, PIXEL_EVENT_RESULT_TYPES, PIXEL_GOALS

# The additive counters of ad_stats_daily, in the catalogue's order (reach is not additive).
SUM_COLUMNS: tuple[str, ...] = SUMMED_COUNTERS

# metric -> (numerator, denominator, scale) of every derived metric, from the catalogue.
RATIO_FORMULAS: dict[str, tuple[str, str, int]] = {
    m.name: (m.numerator, m.denominator, m.scale)
    for m in METRICS
    if m.numerator is not None and m.denominator is not None
}
RATIO_DECIMALS = 4


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def metric_expr(name: str, alias: str) -> Fragment:
    """One metric over already-summed NUMERIC columns of `alias` (full precision)."""
    if name in SUM_COLUMNS:
        return q("{}", ident(alias, name))
    num, den, scale = RATIO_FORMULAS[name]
    if scale == 1:  # no multiplication by 1 per row: the same value (numeric keeps its scale)
        return q("{} / NULLIF({}, 0)", ident(alias, num), ident(alias, den))
    return q("({} * {}) / NULLIF({}, 0)", ident(alias, num), lit(scale), ident(alias, den))


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def minor_units_sql(currency: Fragment) -> Fragment:
    """The ISO 4217 minor units of the currency expression `currency` (domain.currency's table)."""
    by_units: dict[int, list[str]] = {}
    for code, units in MINOR_UNITS.items():
        by_units.setdefault(units, []).append(code)
    whens = [
        q("WHEN {} IN ({}) THEN {}", currency, join(", ", map(lit, codes)), lit(units))
        for units, codes in by_units.items()
    ]
    return q("(CASE {} ELSE {} END)", _spaced(whens), lit(DEFAULT_MINOR_UNITS))


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def result_type_sql(adset: str) -> Fragment:
    """The result type of ad set alias `adset` (domain.results.result_type, as SQL)."""
    goal = q("upper({})", ident(adset, "optimization_goal"))
    event = q("upper({})", ident(adset, "promoted_event"))
    events = _spaced(q("WHEN {} THEN {}", lit(k), lit(v)) for k, v in PIXEL_EVENT_RESULT_TYPES.items())
    pixel = _spaced(
        q(
            "WHEN {} THEN CASE {} {} ELSE {} END",
            lit(g),
            event,
            events,
            lit(default) if default else q("CAST(NULL AS text)"),
        )
        for g, default in PIXEL_GOALS.items()
    )
    goals = _spaced(q("WHEN {} THEN {}", lit(k), lit(v)) for k, v in GOAL_RESULT_TYPES.items())
    return q("(CASE {} {} {} ELSE CAST(NULL AS text) END)", goal, pixel, goals)


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def shown_metric(name: str, alias: str, minor_units: Fragment, results_mixed: Fragment) -> Fragment:
    """One metric over summed NUMERIC columns of `alias` as the Ads Manager shows it, as a number:
    money rounded half-up to `minor_units` decimals (an SQL expression), ratios half-up to 4
    decimals, counts as summed (integral); null where a denominator is zero, or for a metric
    reading `results` where `results_mixed` (an SQL boolean). The one place a metric's value is
    computed: the lists' JSON (`metrics_json`) and the rules' and alerts' reads
    (`pixecom.adsmanager.sums`) both select it."""
    m = METRIC_BY_NAME[name]
    value = metric_expr(name, alias)
    if m.kind is Kind.MONEY:
        value = q("round({}, {})", value, minor_units)
    elif m.kind is Kind.RATIO:
        value = q("round({}, {})", value, lit(RATIO_DECIMALS))
    if m.counts_results:
        value = q("CASE WHEN {} THEN NULL ELSE {} END", results_mixed, value)
    return value


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def metrics_json(
    alias: str, minor_units: Fragment, results_mixed: Fragment, names: tuple[str, ...] | None = None
) -> Fragment:
    """`json_build_object(...)` of the API's `metrics` object over summed columns of `alias`:
    every metric in the catalogue's order, or `names` in their order (`columns=`), each as shown
    (`shown_metric`), money as text (its decimals are part of the value)."""
    parts = []
    # Reach and frequency among `names` are Meta's, added after (pixecom.adsmanager.reach).
    for m in METRICS if names is None else (METRIC_BY_NAME[n] for n in names if n in METRIC_BY_NAME):
        value = shown_metric(m.name, alias, minor_units, results_mixed)
        if m.kind is Kind.MONEY:
            value = q("CAST({} AS text)", value)
        parts.append(q("{}, {}", lit(m.name), value))
    return q("json_build_object({})", _listed(parts))


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def sum_list(
    source: str, *, coalesce: bool = False, cast: bool = False, where: Fragment | None = None
) -> Fragment:
    """`sum(s.spend) AS spend, ...` (or `COALESCE(st.spend, 0) AS spend, ...` with coalesce);
    `where` adds `FILTER (WHERE ...)` to each sum."""
    parts = []
    for col in SUM_COLUMNS:
        column = ident(source, col)
        if coalesce:
            expr = q("COALESCE({}, 0)", column)
        elif where is not None:
            expr = q("sum({}) FILTER (WHERE {})", column, where)
        else:
            expr = q("sum({})", column)
        if cast:
            expr = q("CAST({} AS numeric)", expr)
        parts.append(q("{} AS {}", expr, ident(col)))
    return _listed(parts)


@lru_cache(maxsize=256)  # fixed fragments: built once per process
def sum_columns(source: str) -> Fragment:
    """`s.spend, s.impressions, ...`: the counters of `source` as they are."""
    return _listed(q("{}", ident(source, col)) for col in SUM_COLUMNS)


def _listed(parts: Iterable[Fragment]) -> Fragment:
    return join(", ", parts)


def _spaced(parts: Iterable[Fragment]) -> Fragment:
    return join(" ", parts)


@dataclass(frozen=True)
class LevelSql:
    """Table names and column expressions of one list level (alias `e` = the listed entity)."""

    # Names of our own schema, written plainly (as every other statement names them).
    table: Fragment
    # Where the level's daily sums live: the campaign/ad set rollups (kept exact by a trigger on
    # ad_stats_daily, migration 0002) hold ~50x / ~10x fewer rows than ad_stats_daily.
    stats_table: Fragment
    stats_key: Fragment  # the stats table's column the entity's stats group on
    # Per entity and date preset (kept exact by a trigger, migrations 0003 and 0012).
    snapshot_table: Fragment
    campaign_expr: Fragment  # the entity's campaign id
    adset_expr: Fragment  # the entity's ad set id (NULL for campaigns)
    parent_join: Fragment  # how to reach the campaign (for sellpage_id)
    sellpage_expr: Fragment
    result_type_key: Fragment  # the key of the entity's result types (`types`)
    level_name: str  # the level's name as Meta's `level` says it (reach_stats, breakdown_stats)


_PARENT = q("JOIN campaigns c ON c.id = e.campaign_id")
LEVELS: dict[Level, LevelSql] = {
    Level.CAMPAIGNS: LevelSql(
        table=q("campaigns"),
        stats_table=q("campaign_stats_daily"),
        stats_key=q("campaign_id"),
        snapshot_table=q("campaign_preset_stats"),
        campaign_expr=q("e.id"),
        adset_expr=q("CAST(NULL AS uuid)"),
        parent_join=q(""),
        sellpage_expr=q("e.sellpage_id"),
        result_type_key=q("e.id"),
        level_name="campaign",
    ),
    Level.ADSETS: LevelSql(
        table=q("adsets"),
        stats_table=q("adset_stats_daily"),
        stats_key=q("adset_id"),
        snapshot_table=q("adset_preset_stats"),
        campaign_expr=q("e.campaign_id"),
        adset_expr=q("e.id"),
        parent_join=_PARENT,
        sellpage_expr=q("c.sellpage_id"),
        result_type_key=q("e.id"),
        level_name="adset",
    ),
    Level.ADS: LevelSql(
        table=q("ads"),
        stats_table=q("ad_stats_daily"),
        stats_key=q("ad_id"),
        snapshot_table=q("ad_preset_stats"),
        campaign_expr=q("e.campaign_id"),
        adset_expr=q("e.adset_id"),
        parent_join=_PARENT,
        sellpage_expr=q("c.sellpage_id"),
        result_type_key=q("e.adset_id"),
        level_name="ad",
    ),
}
