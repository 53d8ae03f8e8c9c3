"""SQL fragments of the Ads Manager read side: the summed counters and the derived metrics.

The derived metrics here are only used to SORT in SQL; the numbers a client sees always come
from `pixecom.domain.metrics.compute_metrics` applied to the summed counters, so the two must
agree (a unit test checks this table against compute_metrics).
"""

from __future__ import annotations

from dataclasses import dataclass

from pixecom.adsmanager.params import Level
from pixecom.domain.metrics import SUMMED_COUNTERS

# The additive counters of ad_stats_daily, in MetricTotals order. Reach is not additive: never here.
SUM_COLUMNS: tuple[str, ...] = SUMMED_COUNTERS

# metric -> (numerator, denominator, scale): DESIGN.md "Metrics", division by zero -> NULL.
RATIO_FORMULAS: dict[str, tuple[str, str, int]] = {
    "cpm": ("spend", "impressions", 1000),
    "ctr": ("link_clicks", "impressions", 100),
    "ctr_all": ("clicks", "impressions", 100),
    "cpc": ("spend", "link_clicks", 1),
    "cpv": ("spend", "content_views", 1),
    "cost_per_add_to_cart": ("spend", "add_to_cart", 1),
    "cost_per_checkout": ("spend", "initiate_checkout", 1),
    "cost_per_purchase": ("spend", "purchases", 1),
    "cr": ("purchases", "content_views", 100),
    "cr1": ("add_to_cart", "content_views", 100),
    "cr2": ("initiate_checkout", "add_to_cart", 100),
    "cr3": ("purchases", "initiate_checkout", 100),
    "cost_per_result": ("spend", "results", 1),
    "roas": ("purchase_value", "spend", 1),
    "aov": ("purchase_value", "purchases", 1),
}


def metric_expr(name: str, alias: str) -> str:
    """SQL for one metric over already-summed NUMERIC columns of `alias`."""
    if name in SUM_COLUMNS:
        return f"{alias}.{name}"
    num, den, scale = RATIO_FORMULAS[name]
    return f"({alias}.{num} * {scale}) / NULLIF({alias}.{den}, 0)"


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
    campaign_expr: str  # the entity's campaign id
    adset_expr: str  # the entity's ad set id (NULL for campaigns)
    parent_join: str  # how to reach the campaign (for sellpage_id)
    sellpage_expr: str


LEVELS: dict[Level, LevelSql] = {
    Level.CAMPAIGNS: LevelSql(
        table="campaigns",
        stats_table="campaign_stats_daily",
        stats_key="campaign_id",
        campaign_expr="e.id",
        adset_expr="CAST(NULL AS uuid)",
        parent_join="",
        sellpage_expr="e.sellpage_id",
    ),
    Level.ADSETS: LevelSql(
        table="adsets",
        stats_table="adset_stats_daily",
        stats_key="adset_id",
        campaign_expr="e.campaign_id",
        adset_expr="e.id",
        parent_join="JOIN campaigns c ON c.id = e.campaign_id",
        sellpage_expr="c.sellpage_id",
    ),
    Level.ADS: LevelSql(
        table="ads",
        stats_table="ad_stats_daily",
        stats_key="ad_id",
        campaign_expr="e.campaign_id",
        adset_expr="e.adset_id",
        parent_join="JOIN campaigns c ON c.id = e.campaign_id",
        sellpage_expr="c.sellpage_id",
    ),
}
